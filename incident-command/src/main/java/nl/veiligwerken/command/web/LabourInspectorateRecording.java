package nl.veiligwerken.command.web;

import nl.veiligwerken.api.followup.RecordLabourInspectorateNotificationCommand;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;

/** What the Labour Inspectorate page and its JSON twin share. */
@Component
class LabourInspectorateRecording implements StepRecording<LabourInspectorateForm> {

    private final IncidentCommands commands;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    LabourInspectorateRecording(IncidentCommands commands, Validator validator, OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public LabourInspectorateForm blank(IncidentRef incident) {
        return new LabourInspectorateForm(incident.version(), time.nowToTheMinute(), null);
    }

    @Override
    public BindingResult bindingFor(LabourInspectorateForm form) {
        return new DirectFieldBindingResult(form, "labourInspectorate");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    @Override
    public Long submit(IncidentRef incident, LabourInspectorateForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new RecordLabourInspectorateNotificationCommand(incident.incidentId(),
                form.expectedVersion(), time.toInstant(form.notifiedAt()), form.reference(), user.actor(),
                clock.instant()), errors);
    }
}
