package nl.veiligwerken.command;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;

import java.util.Set;
import java.util.UUID;

/** A fresh team with a staff member, per test class, so tests sharing one database do not see each other. */
public final class CommandTestUsers {

    public final TeamId team = new TeamId("team-" + UUID.randomUUID().toString().substring(0, 8));
    public final TeamId otherTeam = new TeamId("other-" + UUID.randomUUID().toString().substring(0, 8));
    public final VwUser staff = new VwUser("staff-" + team.value(), "Sanne Test", "sanne@example.test", "{noop}x", true,
            Set.of(Role.STAFF), Set.of(team), Set.of());

    public CommandTestUsers(AccountDirectory directory) {
        directory.saveTeam(team, "Testteam " + team.value());
        directory.saveTeam(otherTeam, "Ander team " + otherTeam.value());
    }
}
