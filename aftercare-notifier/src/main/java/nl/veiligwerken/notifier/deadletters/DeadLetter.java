package nl.veiligwerken.notifier.deadletters;

import java.time.Instant;

/**
 * A record of {@code incident-events.DLT} as the administrator sees it: where it came from, why it failed, and
 * only the size and first characters of its value, which may hold personal data.
 */
public record DeadLetter(
        long id,
        String originalTopic,
        Integer originalPartition,
        Long originalOffset,
        String key,
        String eventType,
        String eventId,
        String failure,
        int valueSize,
        String valueStart,
        Instant receivedAt,
        Instant retriedAt,
        String retriedBy) {

    /** How much of the value is shown. */
    static final int SHOWN_CHARACTERS = 40;

    public boolean retried() {
        return retriedAt != null;
    }
}
