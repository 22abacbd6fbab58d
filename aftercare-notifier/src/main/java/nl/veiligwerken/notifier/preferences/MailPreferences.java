package nl.veiligwerken.notifier.preferences;

import nl.veiligwerken.notifier.recipients.Recipients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Optional;

/**
 * Each person's choice for their mails, in {@code notifier.mail_preference}. Without a row: a mail per message,
 * in the language of the person's account in the directory. The outbox and the daily digest read the same table
 * in their queries (who is on the digest), so the choice takes effect at the next run.
 */
@Service
public class MailPreferences implements MailLanguage {

    private final JdbcClient jdbc;
    private final Recipients recipients;
    private final Clock clock;

    MailPreferences(DataSource dataSource, Recipients recipients, Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.recipients = recipients;
        this.clock = clock;
    }

    /** The stored choice, or the defaults. */
    public MailPreference of(String username) {
        return stored(username).orElseGet(() -> new MailPreference(MailDelivery.EACH_MESSAGE,
                recipients.person(username).map(r -> "en".equalsIgnoreCase(r.language()) ? "en" : "nl").orElse("nl")));
    }

    public void save(String username, MailPreference preference) {
        jdbc.sql("""
                        insert into notifier.mail_preference (username, delivery, language, updated_at)
                        values (?, ?, ?, ?)
                        on conflict (username) do update set delivery = excluded.delivery,
                            language = excluded.language, updated_at = excluded.updated_at""")
                .params(username, preference.delivery().name(), preference.language(),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** What the person chose themselves; empty when they never did (the defaults apply). */
    public Optional<MailPreference> chosen(String username) {
        return stored(username);
    }

    @Override
    public Optional<String> chosenBy(String username) {
        return stored(username).map(MailPreference::language);
    }

    private Optional<MailPreference> stored(String username) {
        return jdbc.sql("select delivery, language from notifier.mail_preference where username = ?")
                .param(username)
                .query((rs, i) -> new MailPreference(MailDelivery.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }
}
