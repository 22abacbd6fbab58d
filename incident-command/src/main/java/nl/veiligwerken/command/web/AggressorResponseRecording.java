package nl.veiligwerken.command.web;

import nl.veiligwerken.api.followup.RecordAggressorResponseCommand;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.util.Set;

/** What the aggressor-response page and its JSON twin share. */
@Component
class AggressorResponseRecording implements StepRecording<AggressorResponseForm> {

    private final IncidentCommands commands;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    AggressorResponseRecording(IncidentCommands commands, Validator validator, OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public AggressorResponseForm blank(IncidentRef incident) {
        return new AggressorResponseForm(incident.version(), Set.of(), null, time.nowToTheMinute());
    }

    @Override
    public BindingResult bindingFor(AggressorResponseForm form) {
        return new DirectFieldBindingResult(form, "aggressorResponse");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    @Override
    public Long submit(IncidentRef incident, AggressorResponseForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new RecordAggressorResponseCommand(incident.incidentId(), form.expectedVersion(),
                form.responses(), form.explanation(), time.toInstant(form.respondedAt()), user.actor(),
                clock.instant()), errors);
    }
}
