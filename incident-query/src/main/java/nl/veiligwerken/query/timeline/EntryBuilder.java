package nl.veiligwerken.query.timeline;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.query.queries.TimelineEntry;
import nl.veiligwerken.query.queries.TimelineEntryType;

import java.time.Instant;
import java.util.List;

/** Fills only the fields a step has; the rest of a {@link TimelineEntry} stays null. */
final class EntryBuilder {

    private final String eventId;
    private final long sequence;
    private final TimelineEntryType type;
    private final Instant at;
    private final String actor;
    private String person;
    private Role assigneeRole;
    private ProtocolStep step;
    private Instant dueAt;
    private String outcome;
    private List<String> codes = List.of();
    private Boolean late;
    private Boolean needsMoreHelp;
    private String actionId;
    private String text;

    EntryBuilder(String eventId, long sequence, TimelineEntryType type, Instant at, String actor) {
        this.eventId = eventId;
        this.sequence = sequence;
        this.type = type;
        this.at = at;
        this.actor = actor;
    }

    EntryBuilder person(String person) {
        this.person = person;
        return this;
    }

    EntryBuilder assigneeRole(Role assigneeRole) {
        this.assigneeRole = assigneeRole;
        return this;
    }

    EntryBuilder step(ProtocolStep step) {
        this.step = step;
        return this;
    }

    EntryBuilder dueAt(Instant dueAt) {
        this.dueAt = dueAt;
        return this;
    }

    EntryBuilder outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    EntryBuilder codes(List<String> codes) {
        this.codes = codes;
        return this;
    }

    EntryBuilder late(boolean late) {
        this.late = late;
        return this;
    }

    EntryBuilder needsMoreHelp(boolean needsMoreHelp) {
        this.needsMoreHelp = needsMoreHelp;
        return this;
    }

    EntryBuilder actionId(String actionId) {
        this.actionId = actionId;
        return this;
    }

    EntryBuilder text(String text) {
        this.text = text;
        return this;
    }

    /** The action a follow-up entry belongs to: stored for lookups, not part of what a reader gets. */
    String actionId() {
        return actionId;
    }

    TimelineEntry build() {
        return new TimelineEntry(eventId, sequence, type, at, actor, person, assigneeRole, step, dueAt, outcome,
                codes, late, needsMoreHelp, text);
    }
}
