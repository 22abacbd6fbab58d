package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.ReminderProperties;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DueSoonRemindersTest {

    private static final Instant DUE = Instant.parse("2026-03-05T08:00:00Z");

    private final DueSoonReminders reminders = new DueSoonReminders(null, null,
            new ReminderProperties(List.of(Duration.ofHours(4), Duration.ofDays(1), Duration.ZERO), Duration.ofMinutes(1)),
            Clock.systemUTC());

    @Test
    void theShortestLeadWhoseMomentHasComeCounts() {
        IncidentFacts.Task task = task(Duration.ofDays(3));

        assertThat(reminders.leadFor(task, DUE.minus(Duration.ofHours(25)))).isEmpty();
        assertThat(reminders.leadFor(task, DUE.minus(Duration.ofHours(24)))).contains(Duration.ofDays(1));
        assertThat(reminders.leadFor(task, DUE.minus(Duration.ofHours(5)))).contains(Duration.ofDays(1));
        assertThat(reminders.leadFor(task, DUE.minus(Duration.ofHours(4)))).contains(Duration.ofHours(4));
        assertThat(reminders.leadFor(task, DUE.minus(Duration.ofMinutes(1)))).contains(Duration.ofHours(4));
    }

    @Test
    void noReminderAsLongAsOrLongerThanTheTasksWholeSpan() {
        assertThat(reminders.leadFor(task(Duration.ofHours(20)), DUE.minus(Duration.ofHours(10)))).isEmpty();
        assertThat(reminders.leadFor(task(Duration.ofHours(20)), DUE.minus(Duration.ofHours(3)))).contains(Duration.ofHours(4));
        assertThat(reminders.leadFor(task(Duration.ofHours(4)), DUE.minus(Duration.ofHours(1)))).isEmpty();
    }

    private static IncidentFacts.Task task(Duration span) {
        return new IncidentFacts.Task("t", "i", "team", ProtocolStep.FEEDBACK, Role.TEAM_LEADER, null,
                DUE.minus(span), DUE);
    }
}
