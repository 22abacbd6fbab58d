package nl.veiligwerken.command.web;

import nl.veiligwerken.api.closing.CloseIncidentCommand;
import nl.veiligwerken.api.closing.ReopenIncidentCommand;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;

/** What the closing page and its JSON twins share. */
@Component
class IncidentClosing {

    private final IncidentCommands commands;
    private final Validator validator;
    private final Clock clock;

    IncidentClosing(IncidentCommands commands, Validator validator, Clock clock) {
        this.commands = commands;
        this.validator = validator;
        this.clock = clock;
    }

    BindingResult bindingFor(ClosingForm form) {
        return new DirectFieldBindingResult(form, "closing");
    }

    Long close(IncidentRef incident, ClosingForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        return errors.hasErrors() ? null : commands.send(new CloseIncidentCommand(incident.incidentId(),
                form.expectedVersion(), user.actor(), clock.instant()), errors);
    }

    Long reopen(IncidentRef incident, ClosingForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        return errors.hasErrors() ? null : commands.send(new ReopenIncidentCommand(incident.incidentId(),
                form.expectedVersion(), form.reason(), user.actor(), clock.instant()), errors);
    }
}
