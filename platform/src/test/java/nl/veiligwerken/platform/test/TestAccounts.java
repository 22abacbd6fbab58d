package nl.veiligwerken.platform.test;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;

import java.util.Set;

/** People a test signs in as (with MockMvc's {@code user(...)}), saved in the real directory the services read. */
public final class TestAccounts {

    private TestAccounts() {
    }

    /**
     * Saves a person of one team, leading it when they are a team leader, with a password nobody signs in with,
     * and returns them as the services see them after signing in.
     */
    public static VwUser save(AccountDirectory directory, String username, TeamId team, Set<Role> roles) {
        Set<TeamId> leads = roles.contains(Role.TEAM_LEADER) ? Set.of(team) : Set.of();
        String email = username + "@example.test";
        directory.saveAccount(username, username, email, "{noop}x", roles, Set.of(team), leads);
        return new VwUser(username, username, email, "{noop}x", true, roles, Set.of(team), leads);
    }
}
