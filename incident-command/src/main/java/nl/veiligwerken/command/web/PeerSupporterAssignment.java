package nl.veiligwerken.command.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.firstsupport.AssignPeerSupporterCommand;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the first-support page's assignment form and its JSON twin share. The incident knows no accounts, so
 * whether the person is a peer supporter of the incident's team is checked here.
 */
@Component
class PeerSupporterAssignment {

    private final IncidentCommands commands;
    private final IncidentHistory history;
    private final AccountDirectory directory;
    private final Validator validator;
    private final Clock clock;

    PeerSupporterAssignment(IncidentCommands commands, IncidentHistory history, AccountDirectory directory,
                            Validator validator, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.directory = directory;
        this.validator = validator;
        this.clock = clock;
    }

    PeerSupporterForm blank(IncidentRef incident) {
        return new PeerSupporterForm(incident.version(), null);
    }

    BindingResult bindingFor(PeerSupporterForm form) {
        return new DirectFieldBindingResult(form, "assignment");
    }

    /** Whom a leader can assign: the team's members with the peer supporter role. */
    List<AccountDirectory.Contact> peerSupporters(IncidentRef incident) {
        return directory.membersWithRole(incident.teamId(), Role.PEER_SUPPORTER);
    }

    /** The name of the peer supporter assigned now (their username if the account is gone), if any. */
    Optional<String> assignedName(IncidentRef incident) {
        return history.assignedPeerSupporter(incident.incidentId())
                .map(username -> directory.contact(username).map(AccountDirectory.Contact::displayName)
                        .orElse(username));
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long submit(IncidentRef incident, PeerSupporterForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (!errors.hasFieldErrors("peerSupporter") && form.peerSupporter() != null && peerSupporters(incident)
                .stream().noneMatch(peer -> peer.username().equals(form.peerSupporter().strip()))) {
            errors.rejectValue("peerSupporter", "steps.peerSupporter.notInTeam");
        }
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new AssignPeerSupporterCommand(incident.incidentId(), form.expectedVersion(),
                form.peerSupporter().strip(), user.actor(), clock.instant()), errors);
    }
}
