package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.directory.AccountRemoved;
import nl.veiligwerken.api.directory.AccountSaved;
import nl.veiligwerken.api.directory.DirectoryEventType;
import nl.veiligwerken.api.directory.TeamSaved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts, roles and teams in the shared {@code identity} schema. Every change is also appended, in the same
 * transaction, to {@code identity.directory_outbox} as the state it leaves behind; the command service publishes
 * those rows to the Kafka topic {@code team-directory}, from which other services (the notifier) keep their own
 * copy of whom they can tell.
 */
public class AccountDirectory implements UserDetailsService, UserDetailsPasswordService {

    /** Someone who can be told about a task: enough to address a mail, nothing more. */
    public record Contact(String username, String displayName, String email, String language) {
    }

    public record Team(TeamId id, String name) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public AccountDirectory(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public VwUser loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
    }

    public Optional<VwUser> find(String username) {
        record Row(String username, String displayName, String email, String passwordHash, boolean enabled,
                   Timestamp lockedUntil) {
        }
        return jdbc.sql("select username, display_name, email, password_hash, enabled, locked_until from identity.account where username = ?")
                .param(username)
                .query(Row.class)
                .optional()
                .map(row -> {
                    Access access = accessOf(username);
                    return new VwUser(row.username(), row.displayName(), row.email(), row.passwordHash(),
                            row.enabled(), access.roles(), access.memberOf(), access.leads(),
                            row.lockedUntil() == null ? null : row.lockedUntil().toInstant());
                });
    }

    /**
     * Counts a failed sign-in: the {@code maxFailures}th within {@code window} of the first pauses sign-in for
     * {@code lockFor} and starts the count again. Failures while paused are not counted, so trying on does not
     * lengthen the pause. An unknown username changes nothing.
     */
    @Transactional
    public void recordFailedSignIn(String username, Instant now, int maxFailures, Duration window, Duration lockFor) {
        record Row(int failedSignIns, Timestamp firstFailedSignIn, Timestamp lockedUntil) {
        }
        Optional<Row> found = jdbc.sql("""
                        select failed_sign_ins, first_failed_sign_in, locked_until from identity.account
                         where username = ? for update""")
                .param(username).query(Row.class).optional();
        if (found.isEmpty()) {
            return;
        }
        Row row = found.get();
        if (row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(now)) {
            return;
        }
        boolean windowOver = row.firstFailedSignIn() == null
                || !row.firstFailedSignIn().toInstant().plus(window).isAfter(now);
        int failures = windowOver ? 1 : row.failedSignIns() + 1;
        Instant first = windowOver ? now : row.firstFailedSignIn().toInstant();
        if (failures >= maxFailures) {
            jdbc.sql("update identity.account set failed_sign_ins = 0, first_failed_sign_in = null, locked_until = ? where username = ?")
                    .params(Timestamp.from(now.plus(lockFor)), username).update();
        } else {
            jdbc.sql("update identity.account set failed_sign_ins = ?, first_failed_sign_in = ?, locked_until = null where username = ?")
                    .params(failures, Timestamp.from(first), username).update();
        }
    }

    /** A successful sign-in forgets earlier failures (one cheap update, and none when there were none). */
    public void recordSuccessfulSignIn(String username) {
        jdbc.sql("""
                        update identity.account set failed_sign_ins = 0, first_failed_sign_in = null, locked_until = null
                         where username = ? and (failed_sign_ins > 0 or locked_until is not null)""")
                .param(username).update();
    }

    /**
     * Stores a hash made with the current algorithm after a sign-in with an older one (Spring Security calls this
     * when the encoder says the stored hash needs an upgrade). Not a change for the outbox: nobody else needs it.
     */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        jdbc.sql("update identity.account set password_hash = ? where username = ?")
                .params(newPasswordHash, user.getUsername()).update();
        return find(user.getUsername()).map(UserDetails.class::cast).orElse(user);
    }

    /** The team leaders of a team: who hears about its tasks. */
    public List<Contact> leadersOf(TeamId team) {
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from identity.team_membership m
                          join identity.account a on a.username = m.username
                          join identity.account_role r on r.username = a.username and r.role = 'TEAM_LEADER'
                         where m.team_id = ? and m.leads and a.enabled
                         order by a.username""")
                .param(team.value())
                .query(Contact.class)
                .list();
    }

    /** Everyone working in a team (leaders too), by name: whom a report can be for, who can own an action. */
    public List<Contact> membersOf(TeamId team) {
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from identity.team_membership m
                          join identity.account a on a.username = m.username
                         where m.team_id = ? and a.enabled
                         order by a.display_name, a.username""")
                .param(team.value())
                .query(Contact.class)
                .list();
    }

    /** The members of a team (leaders too) who have a role, by name: the peer supporters a leader can assign. */
    public List<Contact> membersWithRole(TeamId team, Role role) {
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from identity.team_membership m
                          join identity.account a on a.username = m.username
                          join identity.account_role r on r.username = a.username and r.role = ?
                         where m.team_id = ? and a.enabled
                         order by a.display_name, a.username""")
                .params(role.name(), team.value())
                .query(Contact.class)
                .list();
    }

    /** Everyone enabled with a role, whatever their teams: for the organisation-wide roles. */
    public List<Contact> holdersOf(Role role) {
        return jdbc.sql("""
                        select a.username, a.display_name, a.email, a.language
                          from identity.account a
                          join identity.account_role r on r.username = a.username and r.role = ?
                         where a.enabled
                         order by a.display_name, a.username""")
                .param(role.name())
                .query(Contact.class)
                .list();
    }

    public Optional<Contact> contact(String username) {
        return jdbc.sql("select username, display_name, email, language from identity.account where username = ?")
                .param(username).query(Contact.class).optional();
    }

    public List<Team> teams() {
        return jdbc.sql("select team_id, name from identity.team order by name")
                .query((rs, i) -> new Team(new TeamId(rs.getString(1)), rs.getString(2))).list();
    }

    public Optional<Team> team(TeamId id) {
        return jdbc.sql("select team_id, name from identity.team where team_id = ?").param(id.value())
                .query((rs, i) -> new Team(new TeamId(rs.getString(1)), rs.getString(2))).optional();
    }

    @Transactional
    public void saveTeam(TeamId id, String name) {
        jdbc.sql("insert into identity.team (team_id, name) values (?, ?) on conflict (team_id) do update set name = excluded.name")
                .params(id.value(), name).update();
        appendIfChanged(DirectoryEventType.teamKey(id), DirectoryEventType.TEAM_SAVED, new TeamSaved(id, name));
    }

    /** Creates or replaces an account with its roles and memberships (used for the demo accounts and by tests). */
    @Transactional
    public void saveAccount(String username, String displayName, String email, String passwordHash,
                            Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        jdbc.sql("""
                        insert into identity.account (username, display_name, email, password_hash, enabled)
                        values (?, ?, ?, ?, true)
                        on conflict (username) do update set display_name = excluded.display_name,
                            email = excluded.email, password_hash = excluded.password_hash""")
                .params(username, displayName, email, passwordHash).update();
        replaceRolesAndTeams(username, roles, memberOf, leads);
        accountChanged(username);
    }

    /**
     * Creates or updates an account whose person signs in elsewhere (OpenID Connect): name, e-mail, roles and
     * memberships as the identity provider says; a new one gets no local password ({@code {none}} matches none),
     * an existing one keeps its password and whether it is enabled.
     */
    @Transactional
    public void saveExternalAccount(String username, String displayName, String email,
                                    Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        jdbc.sql("""
                        insert into identity.account (username, display_name, email, password_hash, enabled)
                        values (?, ?, ?, '{none}', true)
                        on conflict (username) do update set display_name = excluded.display_name,
                            email = excluded.email""")
                .params(username, displayName, email).update();
        replaceRolesAndTeams(username, roles, memberOf, leads);
        accountChanged(username);
    }

    private void replaceRolesAndTeams(String username, Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        jdbc.sql("delete from identity.account_role where username = ?").param(username).update();
        jdbc.sql("delete from identity.team_membership where username = ?").param(username).update();
        for (Role role : roles) {
            jdbc.sql("insert into identity.account_role (username, role) values (?, ?)").params(username, role.name()).update();
        }
        Set<TeamId> teams = new HashSet<>(memberOf);
        teams.addAll(leads);
        for (TeamId team : teams) {
            jdbc.sql("insert into identity.team_membership (username, team_id, leads) values (?, ?, ?)")
                    .params(username, team.value(), leads.contains(team)).update();
        }
    }

    /**
     * Lets an account sign in and be told things again, or stops it (someone who left: their name stays on what
     * they did). Returns false for an unknown account.
     */
    @Transactional
    public boolean setEnabled(String username, boolean enabled) {
        if (jdbc.sql("update identity.account set enabled = ? where username = ?").params(enabled, username).update() == 0) {
            return false;
        }
        accountChanged(username);
        return true;
    }

    /** Removes an account with its roles and memberships. Returns false for an unknown account. */
    @Transactional
    public boolean removeAccount(String username) {
        if (jdbc.sql("delete from identity.account where username = ?").param(username).update() == 0) {
            return false;
        }
        appendIfChanged(DirectoryEventType.accountKey(username), DirectoryEventType.ACCOUNT_REMOVED,
                new AccountRemoved(username));
        return true;
    }

    /** The account's whole state as it now is, for the outbox. */
    private void accountChanged(String username) {
        record Row(String username, String displayName, String email, String language, boolean enabled) {
        }
        Row row = jdbc.sql("select username, display_name, email, language, enabled from identity.account where username = ?")
                .param(username).query(Row.class).single();
        Access access = accessOf(username);
        appendIfChanged(DirectoryEventType.accountKey(username), DirectoryEventType.ACCOUNT_SAVED,
                new AccountSaved(row.username(), row.displayName(), row.email(), row.language(), row.enabled(),
                        access.roles(), access.memberOf(), access.leads()));
    }

    /** What an account may do: its roles, the teams it works in, and those it leads. */
    private record Access(Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
    }

    private Access accessOf(String username) {
        Set<Role> roles = new HashSet<>(jdbc.sql("select role from identity.account_role where username = ?")
                .param(username).query((rs, i) -> Role.valueOf(rs.getString(1))).list());
        Set<TeamId> memberOf = new HashSet<>();
        Set<TeamId> leads = new HashSet<>();
        jdbc.sql("select team_id, leads from identity.team_membership where username = ?")
                .param(username)
                .query(rs -> {
                    TeamId team = new TeamId(rs.getString(1));
                    memberOf.add(team);
                    if (rs.getBoolean(2)) {
                        leads.add(team);
                    }
                });
        return new Access(roles, memberOf, leads);
    }

    /**
     * Appends the key's new state to the outbox, in the caller's transaction, unless its last row already says
     * the same (the services save the demo accounts again on every start). Runs after the change itself, whose
     * row lock keeps concurrent changes of the same key apart: the later one gets the higher id.
     */
    private void appendIfChanged(String key, DirectoryEventType type, Object state) {
        record Last(String eventType, String payload) {
        }
        Optional<Last> last = jdbc.sql("""
                        select event_type, payload::text from identity.directory_outbox
                         where event_key = ? order by id desc limit 1""")
                .param(key).query(Last.class).optional();
        if (last.isPresent() && last.get().eventType().equals(type.type())
                && json.readValue(last.get().payload(), type.payloadType()).equals(state)) {
            return;
        }
        jdbc.sql("insert into identity.directory_outbox (event_key, event_type, payload) values (?, ?, ?::jsonb)")
                .params(key, type.type(), json.writeValueAsString(state)).update();
    }

    public boolean hasAccount(String username) {
        return jdbc.sql("select count(*) from identity.account where username = ?").param(username)
                .query(Long.class).single() > 0;
    }
}
