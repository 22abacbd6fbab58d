package nl.veiligwerken.command.web;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.followup.CompleteFollowUpActionCommand;
import nl.veiligwerken.api.followup.PlanFollowUpActionCommand;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.util.List;

/** What the pages to plan and to complete a follow-up action share with their JSON twins. */
@Component
class FollowUpActions {

    private final IncidentCommands commands;
    private final IncidentHistory history;
    private final AccountDirectory directory;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    FollowUpActions(IncidentCommands commands, IncidentHistory history, AccountDirectory directory,
                    Validator validator, OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.directory = directory;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    /** A new action, with the id it will have: sent twice, it is refused as already planned. */
    FollowUpActionForm blankPlan(IncidentRef incident) {
        return new FollowUpActionForm(incident.version(), ActionId.random().value(), null, Boolean.FALSE, null, null,
                null);
    }

    BindingResult bindingFor(FollowUpActionForm form) {
        return new DirectFieldBindingResult(form, "action");
    }

    /** Who can own an action of the incident: the people of its team. */
    List<AccountDirectory.Contact> owners(IncidentRef incident) {
        return directory.membersOf(incident.teamId());
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long plan(IncidentRef incident, FollowUpActionForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (!errors.hasFieldErrors("owner") && form.owner() != null && owners(incident).stream()
                .noneMatch(member -> member.username().equals(form.owner().strip()))) {
            errors.rejectValue("owner", "steps.owner.notInTeam");
        }
        if (errors.hasErrors()) {
            return null;
        }
        ActionId action = new ActionId(form.actionId());
        try {
            return commands.send(new PlanFollowUpActionCommand(incident.incidentId(), form.expectedVersion(), action,
                    form.kind(), form.description(), form.owner(), time.toInstant(form.dueAt()),
                    Boolean.TRUE.equals(form.byEmployer()), user.actor(), clock.instant()), errors);
        } catch (ApiProblemException conflict) {
            // the same form sent twice (a double tap): the first one planned it, so say that, not "changed"
            if (conflict.status() == HttpStatus.CONFLICT && history.action(incident.incidentId(), action).isPresent()) {
                errors.reject("incident.rejected.actionAlreadyPlanned");
                return null;
            }
            throw conflict;
        }
    }

    /**
     * The action of the incident named in a link (404 when the incident has no such action), for its owner and
     * the leaders of the team (403 for anyone else: an action can say what a colleague went through, such as a
     * police report on their behalf).
     */
    IncidentHistory.Action action(IncidentRef incident, String actionId, VwUser user) {
        IncidentHistory.Action action = (actionId == null || actionId.isBlank()
                ? java.util.Optional.<IncidentHistory.Action>empty()
                : history.action(incident.incidentId(), new ActionId(actionId)))
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
        if (!user.getUsername().equals(action.planned().owner()) && !user.leads(incident.teamId())) {
            throw new AccessDeniedException("neither the action's owner nor a leader of the incident's team");
        }
        return action;
    }

    /** What a person reads for the owner of an action: their name, or the username of someone since gone. */
    String ownerName(IncidentHistory.Action action) {
        return directory.contact(action.planned().owner()).map(AccountDirectory.Contact::displayName)
                .orElse(action.planned().owner());
    }

    ActionCompletionForm blankCompletion(IncidentRef incident) {
        return new ActionCompletionForm(incident.version(), null, time.nowToTheMinute());
    }

    BindingResult bindingFor(ActionCompletionForm form) {
        return new DirectFieldBindingResult(form, "completion");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long complete(IncidentRef incident, IncidentHistory.Action action, ActionCompletionForm form, VwUser user,
                  BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new CompleteFollowUpActionCommand(incident.incidentId(), form.expectedVersion(),
                action.planned().actionId(), form.result(), time.toInstant(form.completedAt()), user.actor(),
                clock.instant()), errors);
    }
}
