package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;

/** What a step's page and its JSON twin share: the blank form, its binding, and sending it (also as JSON). */
interface StepRecording<F> {

    F blank(IncidentRef incident);

    BindingResult bindingFor(F form);

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long submit(IncidentRef incident, F form, VwUser user, BindingResult errors);

    /** The step sent as JSON: the new version, or the reasons as a 400 per field or a 409. */
    default StepAnswer answer(IncidentRef incident, F form, VwUser user) throws BindException {
        BindingResult errors = bindingFor(form);
        return StepAnswer.of(incident, submit(incident, form, user, errors), errors);
    }
}
