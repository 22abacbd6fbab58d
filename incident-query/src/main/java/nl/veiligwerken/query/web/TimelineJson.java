package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;

import java.time.Instant;
import java.util.List;

/**
 * One step in {@code GET /api/incidents/{id}/timeline}: the fields of the step as the reader may see them (see
 * {@link TimelineEntry}), the names of the people it names, and the same sentence and notes as the page, in the
 * language asked for. {@code badge} is {@code ON_TIME}, {@code LATE} or {@code OVERDUE} for task entries.
 */
record TimelineJson(String eventId, TimelineEntryType type, Instant at, String actor, String actorName,
                    String person, String personName, Role assigneeRole, ProtocolStep step, Instant dueAt,
                    String outcome, List<String> codes, Boolean late, Boolean needsMoreHelp, String text,
                    String summary, List<String> details, TimelineTexts.Badge badge) {

    static TimelineJson of(TimelineEntry entry, TimelineTexts.Line line, String personName) {
        return new TimelineJson(entry.eventId(), entry.type(), entry.at(), entry.actor(), line.who(), entry.person(),
                personName, entry.assigneeRole(), entry.step(), entry.dueAt(), entry.outcome(), entry.codes(),
                entry.late(), entry.needsMoreHelp(), entry.text(), line.what(), line.details(), line.badge());
    }
}
