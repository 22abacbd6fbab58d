package nl.veiligwerken.notifier.recipients;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.directory.AccountRemoved;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.api.directory.TeamSaved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifier's copy of the team directory, written only from the events of the Kafka topic
 * {@code team-directory}. Every event carries a team's or an account's whole state and its sequence; it is
 * applied only when it is newer than what is kept for that key, so a redelivered event, or an older one that
 * arrives after a newer one, changes nothing. {@link DirectoryRecipients} answers from these tables.
 */
@Component
public class TeamDirectory {

    private final JdbcClient jdbc;

    TeamDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the event was newer than what was kept, and so applied */
    @Transactional
    public boolean apply(long sequence, TeamSaved team) {
        return jdbc.sql("""
                        insert into notifier.directory_team (team_id, name, sequence) values (?, ?, ?)
                        on conflict (team_id) do update set name = excluded.name, sequence = excluded.sequence
                         where directory_team.sequence < excluded.sequence""")
                .params(team.teamId().value(), team.name(), sequence).update() == 1;
    }

    /** @return whether the event was newer than what was kept, and so applied */
    @Transactional
    public boolean apply(long sequence, AccountSaved account) {
        if (!upsertAccount(sequence, account.username(), account.displayName(), account.email(), account.language(),
                account.enabled(), false)) {
            return false;
        }
        for (Role role : account.roles()) {
            jdbc.sql("insert into notifier.directory_account_role (username, role) values (?, ?)")
                    .params(account.username(), role.name()).update();
        }
        for (TeamId team : account.memberOf()) {
            jdbc.sql("insert into notifier.directory_membership (username, team_id, leads) values (?, ?, ?)")
                    .params(account.username(), team.value(), account.leads().contains(team)).update();
        }
        return true;
    }

    /**
     * Keeps the removed account as a row without personal data, so an older event of it cannot bring it back.
     *
     * @return whether the event was newer than what was kept, and so applied
     */
    @Transactional
    public boolean apply(long sequence, AccountRemoved removed) {
        return upsertAccount(sequence, removed.username(), "", "", "nl", false, true);
    }

    /** Replaces the account's row if the event is newer, and then drops its roles and memberships. */
    private boolean upsertAccount(long sequence, String username, String displayName, String email, String language,
                                  boolean enabled, boolean removed) {
        int changed = jdbc.sql("""
                        insert into notifier.directory_account
                            (username, display_name, email, language, enabled, removed, sequence)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (username) do update set display_name = excluded.display_name,
                            email = excluded.email, language = excluded.language, enabled = excluded.enabled,
                            removed = excluded.removed, sequence = excluded.sequence
                         where directory_account.sequence < excluded.sequence""")
                .params(username, displayName, email, language, enabled, removed, sequence).update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql("delete from notifier.directory_account_role where username = ?").param(username).update();
        jdbc.sql("delete from notifier.directory_membership where username = ?").param(username).update();
        return true;
    }
}
