package nl.veiligwerken.api.reporting;

import java.time.Instant;
import java.util.Set;
import nl.veiligwerken.api.retention.PersonalData;

/**
 * What a report says about the incident; a report and an amendment carry the same. {@code clientReference} is
 * the organisation's pseudonymous client number, never a name; null when no client was involved or it is unknown.
 */
public record ReportContent(
        Instant occurredAt,
        Setting setting,
        Set<AggressionKind> kinds,
        Severity severity,
        @PersonalData String description,
        Aggressor aggressor,
        @PersonalData String clientReference,
        Set<Injury> injuries,
        boolean policeInvolved) {

    public ReportContent {
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        injuries = injuries == null ? Set.of() : Set.copyOf(injuries);
        aggressor = aggressor == null ? Aggressor.UNKNOWN : aggressor;
    }

    public boolean mustBeNotifiedToLabourInspectorate() {
        return injuries.stream().anyMatch(Injury::mustBeNotifiedToLabourInspectorate);
    }
}
