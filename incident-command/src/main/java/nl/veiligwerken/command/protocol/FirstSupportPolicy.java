package nl.veiligwerken.command.protocol;

import java.time.Instant;

/**
 * Collegial first support is offered without the colleague having to ask, soon after the report: the
 * deadline counts from when the report reached us, not from when the incident happened, so a late report
 * still gets its full time (method, pillar 4; domain.md).
 */
public final class FirstSupportPolicy {

    private FirstSupportPolicy() {
    }

    public static Instant dueAt(Instant reportedAt, ProtocolDefaults protocol) {
        return reportedAt.plus(protocol.firstSupportDue());
    }
}
