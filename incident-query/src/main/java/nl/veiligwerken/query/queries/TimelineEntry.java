package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.ProtocolStep;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One step on an incident's timeline. Which fields are filled depends on {@code type}; null where a step has
 * no such thing.
 *
 * @param eventId       the identifier of the event in the event store
 * @param sequence      its place in the incident's history
 * @param at            when the step happened (for an overdue task: its due time, when it became overdue)
 * @param actor         who did it (username); null for what the protocol did by itself (tasks)
 * @param person        the other person the step names: the colleague a report was made for, the owner of a
 *                      task or action, the peer supporter assigned, the colleague of an aftercare talk
 * @param assigneeRole  the role a scheduled task is for
 * @param step          the protocol step of a task event or an aftercare talk (null: an extra check-in)
 * @param dueAt         the due time of a task or action
 * @param outcome       the answer recorded, by name: first support ACCEPTED/DECLINED, an aftercare talk
 *                      HELD/DECLINED, the kind of a follow-up action
 * @param codes         the aggressor responses, or an aftercare talk's referrals
 * @param late          for a completed task: done after its due time
 * @param needsMoreHelp for an aftercare talk: the colleague needs more help
 * @param text          the free text that goes with the step: the reason of an amendment or reopening, the
 *                      feedback's message, an action's description or result, the analysis' causes, the
 *                      explanation of the aggressor response, the Labour Inspectorate's reference
 */
public record TimelineEntry(String eventId, long sequence, TimelineEntryType type, Instant at, String actor,
                            String person, Role assigneeRole, ProtocolStep step, Instant dueAt, String outcome,
                            List<String> codes, Boolean late, Boolean needsMoreHelp, String text) {

    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    /** The entry as {@code audience} may read it: for the reporter, without what only the follow-up needs. */
    public TimelineEntry as(TimelineAudience audience) {
        if (audience == TimelineAudience.FOLLOW_UP) {
            return this;
        }
        return switch (type) {
            // the reporter sees that a talk took place or was declined, not how the colleague is doing
            case AFTERCARE_TALK -> new TimelineEntry(eventId, sequence, type, at, actor, person, assigneeRole, step,
                    dueAt, outcome, List.of(), late, null, null);
            // what was done, not the notes behind it
            case ANALYSED, AGGRESSOR_RESPONSE, ACTION_PLANNED, ACTION_COMPLETED, LABOUR_INSPECTORATE_NOTIFIED ->
                    new TimelineEntry(eventId, sequence, type, at, actor, person, assigneeRole, step, dueAt, outcome,
                            codes, late, needsMoreHelp, null);
            default -> this;
        };
    }
}
