package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/** A follow-up action done: what came of it, and when it was done. */
record ActionCompletionForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotBlank(message = "{steps.complete.result.required}")
        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String result,

        @NotNull(message = "{steps.complete.completedAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime completedAt) {
}
