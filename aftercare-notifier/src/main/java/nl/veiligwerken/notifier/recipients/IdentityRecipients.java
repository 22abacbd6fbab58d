package nl.veiligwerken.notifier.recipients;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Recipients} read straight from the shared identity schema. */
@Component
class IdentityRecipients implements Recipients {

    private static final Set<Role> ORGANISATION_WIDE = Set.of(Role.PREVENTION_OFFICER, Role.MANAGEMENT);

    private final AccountDirectory accounts;

    IdentityRecipients(AccountDirectory accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Recipient> person(String username) {
        return accounts.find(username).filter(VwUser::isEnabled)
                .flatMap(u -> accounts.contact(username)).map(IdentityRecipients::recipient);
    }

    @Override
    public List<Recipient> leadersOf(TeamId team) {
        return accounts.leadersOf(team).stream().map(IdentityRecipients::recipient).toList();
    }

    @Override
    public List<Recipient> holdersOf(Role role, TeamId team) {
        if (role == Role.TEAM_LEADER) {
            return leadersOf(team);
        }
        if (ORGANISATION_WIDE.contains(role)) {
            return accounts.holdersOf(role).stream().map(IdentityRecipients::recipient).toList();
        }
        return accounts.membersWithRole(team, role).stream().map(IdentityRecipients::recipient).toList();
    }

    @Override
    public String teamName(TeamId team) {
        return accounts.team(team).map(AccountDirectory.Team::name).orElse(team.value());
    }

    private static Recipient recipient(AccountDirectory.Contact c) {
        return new Recipient(c.username(), c.displayName(), c.email(), c.language());
    }
}
