package nl.veiligwerken.demo;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryGeneratorTest {

    private static final List<HistoryGenerator.Team> TEAMS = List.of(
            new HistoryGenerator.Team(new TeamId("noord"), "mark", List.of("sanne", "kees")),
            new HistoryGenerator.Team(new TeamId("zuid"), "peter", List.of("fatima")));
    private static final Instant FROM = Instant.parse("2025-10-01T07:00:00Z");

    private static List<HistoryGenerator.Incident> history(long seed, int incidents) {
        HistoryGenerator generator = new HistoryGenerator(seed, TEAMS, "pim", FROM, Duration.ofDays(365));
        return IntStream.range(0, incidents).mapToObj(i -> generator.incident()).toList();
    }

    @Test
    void everyIncidentStartsWithItsReportByOneOfItsTeamAndFallsInTheSpan() {
        for (HistoryGenerator.Incident incident : history(1, 300)) {
            IncidentReportedEvent report = (IncidentReportedEvent) incident.events().get(0);
            assertThat(report.incidentId()).isEqualTo(incident.id());
            HistoryGenerator.Team team = TEAMS.stream().filter(t -> t.id().equals(report.teamId())).findFirst().orElseThrow();
            assertThat(team.staff()).contains(report.reportedBy());
            assertThat(report.reportedAt()).isBetween(FROM, FROM.plus(Duration.ofDays(365)));
        }
    }

    @Test
    void everyTaskIsScheduledBeforeItIsDoneOrOverdueAndDoneAtMostOnce() {
        for (HistoryGenerator.Incident incident : history(2, 300)) {
            Set<Object> scheduled = new java.util.HashSet<>();
            Set<Object> done = new java.util.HashSet<>();
            for (Object event : incident.events()) {
                if (event instanceof TaskScheduledEvent task) {
                    assertThat(scheduled.add(task.taskId())).isTrue();
                } else if (event instanceof TaskOverdueEvent overdue) {
                    assertThat(scheduled).contains(overdue.taskId());
                    assertThat(done).doesNotContain(overdue.taskId());
                } else if (event instanceof TaskCompletedEvent completed) {
                    assertThat(scheduled).contains(completed.taskId());
                    assertThat(done.add(completed.taskId())).isTrue();
                    assertThat(completed.late()).isEqualTo(completed.completedAt().isAfter(completed.dueAt()));
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameHistoryAndTheMixIsRealistic() {
        List<HistoryGenerator.Incident> one = history(3, 500);
        List<HistoryGenerator.Incident> two = history(3, 500);
        assertThat(one).isEqualTo(two);

        Set<Boolean> lateness = one.stream().flatMap(i -> i.events().stream())
                .filter(TaskCompletedEvent.class::isInstance).map(e -> ((TaskCompletedEvent) e).late())
                .collect(Collectors.toSet());
        assertThat(lateness).as("some steps on time, some late").containsExactlyInAnyOrder(true, false);
        assertThat(one.stream().flatMap(i -> i.events().stream()).anyMatch(TaskOverdueEvent.class::isInstance)).isTrue();
    }
}
