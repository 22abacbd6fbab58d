package nl.veiligwerken.api;

import java.util.Objects;
import java.util.Set;

/**
 * Who sends a command, as the incident needs to judge it: the person's name, roles, the teams they work in and
 * the teams they lead. Taken from the signed-in person by the service, never from the request body.
 */
public record Actor(String username, Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        memberOf = Set.copyOf(memberOf);
        leads = Set.copyOf(leads);
    }

    public boolean isMemberOf(TeamId team) {
        return memberOf.contains(team) || leads.contains(team);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A team leader acts for a team only when they lead it. */
    public boolean leads(TeamId team) {
        return has(Role.TEAM_LEADER) && leads.contains(team);
    }
}
