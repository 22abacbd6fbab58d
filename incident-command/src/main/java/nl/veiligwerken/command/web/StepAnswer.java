package nl.veiligwerken.command.web;

import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;

/**
 * What every JSON step answers: the incident's new version when the step was taken; otherwise field problems
 * are a 400 naming each field, and a refusal about the incident's state a 409 saying why.
 */
record StepAnswer(String incidentId, long version) {

    static StepAnswer of(IncidentRef incident, Long version, BindingResult errors) throws BindException {
        if (version != null) {
            return new StepAnswer(incident.incidentId().value(), version);
        }
        if (errors.hasFieldErrors() || errors.getGlobalError() == null) {
            throw new BindException(errors);
        }
        throw new ApiProblemException(HttpStatus.CONFLICT, errors.getGlobalError().getCode(),
                errors.getGlobalError().getArguments());
    }
}
