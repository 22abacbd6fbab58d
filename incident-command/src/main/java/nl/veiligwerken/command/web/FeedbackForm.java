package nl.veiligwerken.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Feedback to the reporter, in words the reporter reads: it is shown to them as written. */
record FeedbackForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotBlank(message = "{incident.feedback.message.required}")
        @Size(max = StepForms.TEXT_MAX, message = "{steps.text.tooLong}")
        String message) {
}
