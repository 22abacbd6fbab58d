package nl.veiligwerken.command.web;

import nl.veiligwerken.command.incident.PersonalDataCheck;
import nl.veiligwerken.platform.web.ApiProblemHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The warning before free text that seems to name someone ({@link PersonalDataCheck}) is stored: a field error the
 * form shows at the field with a "Toch opslaan" box, and the JSON API answers 422 naming the field, until the
 * sender says it is meant ({@code acknowledgeNamesWarning}). Nothing is stored while it stands.
 */
@Component
class NamesWarning {

    static final String CODE = "personalData.warning";
    /** What the sender sets to store the text anyway: the form's checkbox and the JSON field. */
    static final String ACKNOWLEDGE = "acknowledgeNamesWarning";

    private final MessageSource messages;

    NamesWarning(MessageSource messages) {
        this.messages = messages;
    }

    /** Warns at {@code field} (relative to the current nested path) unless acknowledged or the field is already wrong. */
    static void check(String field, String text, Boolean acknowledged, BindingResult errors) {
        if (Boolean.TRUE.equals(acknowledged) || errors.hasFieldErrors(field)) {
            return;
        }
        PersonalDataCheck.find(text).ifPresent(found -> errors.rejectValue(field, CODE, new Object[] {
                new DefaultMessageSourceResolvable("personalData.kind." + found.kind()), found.text()}, null));
    }

    /** True when a warning stands in {@code errors}: the form then offers to store it anyway. */
    static boolean warned(BindingResult errors) {
        return errors.getFieldErrors().stream().anyMatch(error -> CODE.equals(error.getCode()));
    }

    /** True when the warnings are all that is wrong: the API answers 422 rather than 400. */
    static boolean onlyWarnings(BindingResult errors) {
        return warned(errors) && errors.getGlobalErrorCount() == 0
                && errors.getFieldErrors().stream().allMatch(error -> CODE.equals(error.getCode()));
    }

    /** 422 problem JSON naming each field that seems to hold personal data, and how to store it anyway. */
    ResponseEntity<ProblemDetail> problem(BindingResult errors, Locale locale) {
        List<ApiProblemHandler.FieldProblem> fields = errors.getFieldErrors().stream()
                .map((FieldError error) -> new ApiProblemHandler.FieldProblem(error.getField(),
                        messages.getMessage(error, locale)))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("problem.personalData", null, locale));
        problem.setProperties(Map.of("errors", fields, "acknowledgeWith", ACKNOWLEDGE));
        return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
