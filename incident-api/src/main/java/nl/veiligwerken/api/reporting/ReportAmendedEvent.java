package nl.veiligwerken.api.reporting;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.retention.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The report's content was replaced by {@code content}; what it said before is in the earlier events. */
@Revision("1")
public record ReportAmendedEvent(
        IncidentId incidentId,
        ReportContent content,
        @PersonalData String reason,
        @PersonalData String amendedBy,
        Instant amendedAt) {
}
