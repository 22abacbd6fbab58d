package nl.veiligwerken.command.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A correction of a report: the report as it should read now, why it changed, and the incident's version the
 * person saw. Team, the person it happened to and the wish for support stay as reported.
 */
record ReportAmendment(
        @NotNull(message = "{incident.amend.expectedVersion.required}")
        Long expectedVersion,

        @NotBlank(message = "{incident.rejected.noAmendReason}")
        @Size(max = 1000, message = "{incident.amend.reason.tooLong}")
        String reason,

        @Valid
        @NotNull(message = "{incident.amend.report.required}")
        IncidentReport report) {
}
