package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import java.util.function.Supplier;

/** The two moves every step page makes: show a blank form, and send a filled one. */
@Component
class StepPages {

    private final RecordedStepController recorded;

    StepPages(RecordedStepController recorded) {
        this.recorded = recorded;
    }

    /** A blank form under {@code name}, with a binding that has no errors yet. */
    <F> void blank(Model model, String name, StepRecording<F> recording, IncidentRef incident) {
        F blank = recording.blank(incident);
        model.addAttribute(name, blank);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, recording.bindingFor(blank));
    }

    /** Sends the step: on to where the person goes next, or the form again ({@code again}) with the reasons. */
    <F> String send(IncidentRef incident, F form, VwUser user, BindingResult errors, StepRecording<F> recording,
                    Supplier<String> again) {
        Long version = PageAttempt.send(errors, () -> recording.submit(incident, form, user, errors));
        return version == null ? again.get() : recorded.afterwards(incident, version, user);
    }
}
