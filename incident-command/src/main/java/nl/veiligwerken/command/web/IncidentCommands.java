package nl.veiligwerken.command.web;

import nl.veiligwerken.command.incident.IncidentForbiddenException;
import nl.veiligwerken.command.incident.IncidentRejectedException;
import nl.veiligwerken.command.incident.StepsStillOpenException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.beans.DirectFieldAccessor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Sends a command to an incident and turns the ways it can be refused into what pages and the API show:
 * a rule about one input becomes a field error, a rule about the incident's state a global error, someone
 * else's change in between a 409 "changed meanwhile, reload", and acting for a team one does not lead a 403.
 */
@Component
class IncidentCommands {

    private final CommandGateway commands;
    private final MessageSource messages;

    IncidentCommands(CommandGateway commands, MessageSource messages) {
        this.commands = commands;
        this.messages = messages;
    }

    /** The incident's new version, or null when the incident refused and {@code errors} says why. */
    Long send(Object command, BindingResult errors) {
        try {
            return commands.sendAndWait(command);
        } catch (StepsStillOpenException open) {
            Locale locale = LocaleContextHolder.getLocale();
            String steps = open.openSteps().stream()
                    .map(step -> messages.getMessage("task.step." + step, null, step.name(), locale))
                    .collect(Collectors.joining(", "));
            errors.reject(open.messageKey(), new Object[]{steps}, null);
            return null;
        } catch (IncidentForbiddenException forbidden) {
            throw new AccessDeniedException(forbidden.messageKey());
        } catch (IncidentRejectedException rejected) {
            rejectOn(errors, rejected.field(), rejected.messageKey());
            return null;
        } catch (ConflictingModificationException | ConcurrencyException | AggregateStreamCreationException changedMeanwhile) {
            // the last one: an incident with this id exists already (a report sent twice)
            throw new ApiProblemException(HttpStatus.CONFLICT, "incident.changedMeanwhile");
        } catch (AggregateNotFoundException notFound) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
    }

    /** On the field when the form has it, otherwise above the form. */
    private static void rejectOn(BindingResult errors, String field, String messageKey) {
        if (field != null && errors.getTarget() != null
                && new DirectFieldAccessor(errors.getTarget()).isReadableProperty(errors.getNestedPath() + field)) {
            errors.rejectValue(field, messageKey);
        } else {
            errors.reject(messageKey);
        }
    }
}
