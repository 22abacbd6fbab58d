package nl.veiligwerken.notifier.recipients;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;

import java.util.List;
import java.util.Optional;

/**
 * Who can be told something, from the team directory: only enabled people, with what it takes to address them
 * and nothing more. The rules of who hears what ask here; where the answers come from is this interface's
 * business alone.
 */
public interface Recipients {

    /** Someone to tell: enough to address a mail in their language. */
    record Recipient(String username, String displayName, String email, String language) {
    }

    /** An enabled person, by username. */
    Optional<Recipient> person(String username);

    /** The team leaders of a team. */
    List<Recipient> leadersOf(TeamId team);

    /**
     * Whoever holds {@code role} for a team: its leaders for {@link Role#TEAM_LEADER}; the team's members with
     * the role for the team roles; everyone with the role for the organisation-wide ones
     * ({@link Role#PREVENTION_OFFICER}, {@link Role#MANAGEMENT}).
     */
    List<Recipient> holdersOf(Role role, TeamId team);

    /** The team's name, or its id when the directory does not know it (yet). */
    String teamName(TeamId team);
}
