package nl.veiligwerken.command.publishing;

import nl.veiligwerken.command.CommandServiceIntegrationTest;
import nl.veiligwerken.command.CommandTestUsers;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How fast the Kafka publisher puts a backlog of events on {@code incident-events}: reports are taken through the
 * API with the publisher paused, then it is resumed and the time until its token has passed the last event is
 * printed. A measurement, not part of the suite: it runs only when asked for, with the number of reports,
 * {@code -Dpublisher.throughput=500} (see docs/performance.md, "Notifier throughput"). Asserts nothing about time.
 */
@CommandServiceIntegrationTest
@EnabledIfSystemProperty(named = "publisher.throughput", matches = "\\d+")
class PublisherThroughputIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    PublisherControl publisher;

    @Test
    void publishesABacklog() throws Exception {
        int reports = Integer.parseInt(System.getProperty("publisher.throughput"));
        CommandTestUsers users = new CommandTestUsers(directory);
        users.report(mvc, "warm-up");
        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.status().caughtUp());
        publisher.pause();
        long from = publisher.status().position();
        for (int i = 0; i < reports; i++) {
            users.report(mvc, "Backlog " + i);
        }
        long last = jdbc.queryForObject("select max(global_index) from eventstore.domain_event_entry", Long.class);
        long events = jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where global_index > ?",
                Long.class, from);

        long start = System.nanoTime();
        publisher.resume();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> publisher.status().position() >= last);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%nPUBLISHER THROUGHPUT: %d reports = %d events in the store published in %.2f s:"
                + " %.0f events/s = %.1f reports/s%n%n", reports, events, seconds, events / seconds, reports / seconds);
        assertThat(publisher.status().running()).isTrue();
    }
}
