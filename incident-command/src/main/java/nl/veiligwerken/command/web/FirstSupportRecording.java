package nl.veiligwerken.command.web;

import nl.veiligwerken.api.firstsupport.RecordFirstSupportCommand;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;

/** What the first-support page and its JSON twin share: the blank form, checking, sending. */
@Component
class FirstSupportRecording implements StepRecording<FirstSupportForm> {

    private final IncidentCommands commands;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    FirstSupportRecording(IncidentCommands commands, Validator validator, OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public FirstSupportForm blank(IncidentRef incident) {
        return new FirstSupportForm(incident.version(), time.nowToTheMinute(), null);
    }

    @Override
    public BindingResult bindingFor(FirstSupportForm form) {
        return new DirectFieldBindingResult(form, "firstSupport");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    @Override
    public Long submit(IncidentRef incident, FirstSupportForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new RecordFirstSupportCommand(incident.incidentId(), form.expectedVersion(),
                user.getUsername(), time.toInstant(form.offeredAt()), form.response(), user.actor(),
                clock.instant()), errors);
    }
}
