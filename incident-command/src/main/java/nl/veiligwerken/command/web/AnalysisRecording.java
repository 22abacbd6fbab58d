package nl.veiligwerken.command.web;

import nl.veiligwerken.api.ActionId;
import nl.veiligwerken.api.analysis.LearningPoint;
import nl.veiligwerken.api.analysis.PreventiveMeasure;
import nl.veiligwerken.api.analysis.RecordIncidentAnalysisCommand;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What the analysis page and its JSON twin share. The form given to {@link #submit} has its empty rows left out
 * already ({@link AnalysisForm#withoutEmptyRows()}), so the errors of a row name the row as shown again.
 */
@Component
class AnalysisRecording {

    private final IncidentCommands commands;
    private final IncidentHistory history;
    private final AccountDirectory directory;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    AnalysisRecording(IncidentCommands commands, IncidentHistory history, AccountDirectory directory,
                      Validator validator, OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.history = history;
        this.directory = directory;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    AnalysisForm blank(IncidentRef incident) {
        return AnalysisForm.blank(incident.version());
    }

    BindingResult bindingFor(AnalysisForm form) {
        return new DirectFieldBindingResult(form, "analysis");
    }

    /**
     * Who can own a measure: the people of the incident's team, and the person analysing (a prevention officer
     * may take a measure on themselves).
     */
    List<AccountDirectory.Contact> owners(IncidentRef incident, VwUser user) {
        List<AccountDirectory.Contact> owners = new ArrayList<>(directory.membersOf(incident.teamId()));
        if (owners.stream().noneMatch(member -> member.username().equals(user.getUsername()))) {
            directory.contact(user.getUsername()).ifPresent(owners::add);
        }
        return owners;
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long submit(IncidentRef incident, AnalysisForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        List<AccountDirectory.Contact> owners = owners(incident, user);
        for (int i = 0; i < form.measures().size(); i++) {
            String owner = form.measures().get(i).owner();
            String field = "measures[" + i + "].owner";
            if (!errors.hasFieldErrors(field) && owner != null
                    && owners.stream().noneMatch(member -> member.username().equals(owner.strip()))) {
                errors.rejectValue(field, "steps.owner.notInTeam");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        try {
            return commands.send(new RecordIncidentAnalysisCommand(incident.incidentId(), form.expectedVersion(),
                    form.causes(), form.riskFactors(),
                    form.learningPoints().stream().map(row -> new LearningPoint(row.level(), row.skill(), row.text()))
                            .toList(),
                    form.measures().stream().map(row -> new PreventiveMeasure(new ActionId(row.actionId()),
                            row.description(), row.owner().strip(), time.toInstant(row.dueAt()))).toList(),
                    user.actor(), clock.instant()), errors);
        } catch (ApiProblemException conflict) {
            // the same form sent twice: the first one recorded it
            if (conflict.status() == HttpStatus.CONFLICT && history.analysed(incident.incidentId())) {
                errors.reject("incident.rejected.alreadyAnalysed");
                return null;
            }
            throw conflict;
        }
    }
}
