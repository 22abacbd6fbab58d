package nl.veiligwerken.notifier.recipients;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Recipients} from the notifier's own copy of the team directory ({@link TeamDirectory}), which the
 * {@code team-directory} events keep: no reading of another service's tables. Only enabled accounts answer.
 */
@Component
class DirectoryRecipients implements Recipients {

    private static final Set<Role> ORGANISATION_WIDE = Set.of(Role.PREVENTION_OFFICER, Role.MANAGEMENT);

    private final JdbcClient jdbc;

    DirectoryRecipients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Recipient> person(String username) {
        return jdbc.sql("""
                        select username, display_name, email, language from notifier.directory_account
                         where username = ? and enabled and not removed""")
                .param(username).query(Recipient.class).optional();
    }

    @Override
    public List<Recipient> leadersOf(TeamId team) {
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from notifier.directory_membership m
                          join notifier.directory_account a on a.username = m.username
                          join notifier.directory_account_role r on r.username = a.username and r.role = 'TEAM_LEADER'
                         where m.team_id = ? and m.leads and a.enabled and not a.removed
                         order by a.username""")
                .param(team.value()).query(Recipient.class).list();
    }

    @Override
    public List<Recipient> holdersOf(Role role, TeamId team) {
        if (role == Role.TEAM_LEADER) {
            return leadersOf(team);
        }
        if (ORGANISATION_WIDE.contains(role)) {
            return jdbc.sql("""
                            select a.username, a.display_name, a.email, a.language
                              from notifier.directory_account a
                              join notifier.directory_account_role r on r.username = a.username and r.role = ?
                             where a.enabled and not a.removed
                             order by a.display_name, a.username""")
                    .param(role.name()).query(Recipient.class).list();
        }
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from notifier.directory_membership m
                          join notifier.directory_account a on a.username = m.username
                          join notifier.directory_account_role r on r.username = a.username and r.role = ?
                         where m.team_id = ? and a.enabled and not a.removed
                         order by a.display_name, a.username""")
                .params(role.name(), team.value()).query(Recipient.class).list();
    }

    @Override
    public String teamName(TeamId team) {
        return jdbc.sql("select name from notifier.directory_team where team_id = ?").param(team.value())
                .query(String.class).optional().orElse(team.value());
    }
}
