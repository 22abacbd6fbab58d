package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import org.springframework.stereotype.Component;

/** Names for people and teams as pages show them; the id itself when the directory does not know it (any more). */
@Component
class DirectoryNames {

    private final AccountDirectory directory;

    DirectoryNames(AccountDirectory directory) {
        this.directory = directory;
    }

    /** Null for nobody: a name erased with the incident's personal data. */
    String person(String username) {
        if (username == null) {
            return null;
        }
        return directory.contact(username).map(AccountDirectory.Contact::displayName).orElse(username);
    }

    String team(TeamId team) {
        return directory.team(team).map(AccountDirectory.Team::name).orElse(team.value());
    }
}
