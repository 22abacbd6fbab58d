package nl.veiligwerken.command.web;

import nl.veiligwerken.api.feedback.GiveFeedbackCommand;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;

/** What the feedback page and its JSON twin share. Feedback is given when it is sent. */
@Component
class FeedbackRecording implements StepRecording<FeedbackForm> {

    private final IncidentCommands commands;
    private final Validator validator;
    private final Clock clock;

    FeedbackRecording(IncidentCommands commands, Validator validator, Clock clock) {
        this.commands = commands;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public FeedbackForm blank(IncidentRef incident) {
        return new FeedbackForm(incident.version(), null);
    }

    @Override
    public BindingResult bindingFor(FeedbackForm form) {
        return new DirectFieldBindingResult(form, "feedback");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    @Override
    public Long submit(IncidentRef incident, FeedbackForm form, VwUser user, BindingResult errors) {
        validator.validate(form, errors);
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new GiveFeedbackCommand(incident.incidentId(), form.expectedVersion(), form.message(),
                user.actor(), clock.instant()), errors);
    }
}
