package nl.veiligwerken.command.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Closing or reopening: the version the person saw, and (to reopen) why. */
record ClosingForm(
        @NotNull(message = "{incident.firstSupport.expectedVersion.required}")
        Long expectedVersion,

        @Size(max = 2000, message = "{incident.closing.reason.tooLong}")
        String reason) {
}
