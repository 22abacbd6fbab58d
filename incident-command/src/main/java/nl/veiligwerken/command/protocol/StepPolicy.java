package nl.veiligwerken.command.protocol;

import java.time.Duration;
import java.time.Instant;

/** When a step counts as done late, and how much the clocks of phones may differ from ours. */
public final class StepPolicy {

    /** A moment "a minute from now" on someone's phone is not in the future. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private StepPolicy() {
    }

    /** Done after its due time: a breach of the agreement. Done exactly at the due time is on time. */
    public static boolean isLate(Instant doneAt, Instant dueAt) {
        return doneAt.isAfter(dueAt);
    }
}
