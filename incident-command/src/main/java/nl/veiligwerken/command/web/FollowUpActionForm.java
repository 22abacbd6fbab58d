package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.veiligwerken.api.followup.FollowUpKind;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * A follow-up action to plan. {@code actionId} is made with the blank form (an API client makes its own, a
 * UUID): sending the same action twice is refused as already planned instead of planning it twice.
 * {@code owner} is the username of a member of the team; {@code byEmployer} only counts for a police report.
 */
record FollowUpActionForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotNull(message = "{steps.actionId.invalid}")
        @Pattern(regexp = StepForms.UUID, message = "{steps.actionId.invalid}")
        String actionId,

        @NotNull(message = "{incident.action.kind.required}")
        FollowUpKind kind,

        Boolean byEmployer,

        @NotBlank(message = "{incident.action.description.required}")
        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String description,

        @NotBlank(message = "{incident.action.owner.required}")
        @Size(max = 100, message = "{steps.owner.notInTeam}")
        String owner,

        @NotNull(message = "{steps.action.dueAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime dueAt) {
}
