package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.aftercare.AftercareOutcome;

/** What the earlier aftercare talk said for the next check-in; nothing of what was said in it. */
public enum AftercareSignal {
    HELD,
    DECLINED,
    NEEDS_MORE_HELP;

    static AftercareSignal of(AftercareOutcome outcome, boolean needsMoreHelp) {
        if (needsMoreHelp) {
            return NEEDS_MORE_HELP;
        }
        return outcome == AftercareOutcome.DECLINED ? DECLINED : HELD;
    }
}
