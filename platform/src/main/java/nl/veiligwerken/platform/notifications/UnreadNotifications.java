package nl.veiligwerken.platform.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

/**
 * How many unread notifications a person has, for the header of every page of every service. Reads only the
 * notifier's published view {@value #VIEW} (one row per person with unread notifications), never its tables.
 *
 * <p>The view may not be there: a service tested without the notifier's schema, or a new installation whose
 * notifier has not started yet. Then the count is simply 0, so no page ever fails for it. Whether the view exists
 * is asked with {@code to_regclass} (no failed statement, no error in the database log) until it is seen once;
 * after that only the count is read.
 */
public class UnreadNotifications {

    public static final String VIEW = "notifier.unread_notifications";

    private static final Logger log = LoggerFactory.getLogger(UnreadNotifications.class);

    private final JdbcClient jdbc;
    private volatile boolean viewSeen;

    public UnreadNotifications(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The person's unread notifications; 0 when there are none or the notifier's view cannot be read. */
    public int of(String username) {
        if (username == null) {
            return 0;
        }
        try {
            if (!viewSeen) {
                viewSeen = jdbc.sql("select to_regclass('" + VIEW + "') is not null").query(Boolean.class).single();
                if (!viewSeen) {
                    return 0;
                }
            }
            return jdbc.sql("select unread from " + VIEW + " where recipient_username = ?")
                    .param(username)
                    .query(Long.class)
                    .optional()
                    .map(Long::intValue)
                    .orElse(0);
        } catch (DataAccessException e) {
            // dropped, or the database is away: the page matters more than the count
            viewSeen = false;
            log.debug("Unread notifications of {} not readable: {}", username, e.getMessage());
            return 0;
        }
    }
}
