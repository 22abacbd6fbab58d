package nl.veiligwerken.platform.notifications;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header's count against a real PostgreSQL: read from the notifier's published view when it is there, 0 (and
 * no failure) when it is not, and found once the notifier creates it later. The view here is the notifier's
 * contract written out (its migration V4 creates the real one; the notifier's own tests read that).
 */
class UnreadNotificationsIT {

    private static DataSource dataSource;

    @BeforeAll
    static void ownDatabase() throws Exception {
        EmbeddedPostgres postgres = PostgresTestDatabase.postgres();
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.createStatement().execute("drop database if exists unread_notifications");
            c.createStatement().execute("create database unread_notifications");
        }
        dataSource = postgres.getDatabase("postgres", "unread_notifications");
    }

    @Test
    void countsFromTheNotifiersViewAndIsZeroWithoutIt() {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UnreadNotifications unread = new UnreadNotifications(dataSource);

        assertThat(unread.of("sanne")).as("no notifier schema yet").isZero();

        jdbc.sql("create schema notifier").update();
        jdbc.sql("create table notifier.notification (recipient_username varchar(64), is_read boolean)").update();
        jdbc.sql("""
                create view notifier.unread_notifications (recipient_username, unread) as
                select recipient_username, count(*) from notifier.notification where not is_read
                 group by recipient_username""").update();
        jdbc.sql("insert into notifier.notification values ('sanne', false), ('sanne', false), ('sanne', true),"
                + " ('mark', true)").update();

        assertThat(unread.of("sanne")).as("the view appeared after the first look").isEqualTo(2);
        assertThat(unread.of("mark")).as("only read ones").isZero();
        assertThat(unread.of("nobody")).isZero();
        assertThat(unread.of(null)).isZero();

        jdbc.sql("drop schema notifier cascade").update();
        assertThat(unread.of("sanne")).as("gone again: no failure").isZero();
    }
}
