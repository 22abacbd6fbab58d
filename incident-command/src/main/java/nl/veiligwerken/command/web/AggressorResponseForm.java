package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.veiligwerken.api.followup.AggressorResponse;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;
import java.util.Set;

/** The response to the aggressor: what was done (more than one may apply), why, and when. */
record AggressorResponseForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotEmpty(message = "{incident.aggressorResponse.responses.required}")
        Set<@NotNull(message = "{incident.aggressorResponse.responses.required}") AggressorResponse> responses,

        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String explanation,

        @NotNull(message = "{steps.aggressorResponse.respondedAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime respondedAt) {
}
