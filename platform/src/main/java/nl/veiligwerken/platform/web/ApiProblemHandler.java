package nl.veiligwerken.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every failure of a JSON endpoint becomes {@code application/problem+json}: bad JSON and bad fields are 400
 * with an {@code errors} list naming each field, rejections carry their own status, a database out of reach is a
 * 503 to retry, and anything unexpected is a 500 that says nothing about the inside (it is logged instead).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);
    static final String RETRY_AFTER_SECONDS = "10";
    private static final String HIKARI_CLOSED = "Connection is closed";

    /** One field that was wrong, in the request's language. */
    public record FieldProblem(String field, String message) {
    }

    private final MessageSource messages;

    public ApiProblemHandler(MessageSource messages) {
        this.messages = messages;
        setMessageSource(messages);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(LocaleContextHolder.getLocale(), ex.getBindingResult()));
    }

    /** Field errors a controller collected itself (checks beyond Bean Validation). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> bindingFailed(BindException ex, Locale locale) {
        return ResponseEntity.badRequest().body(invalid(locale, ex.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Locale locale = LocaleContextHolder.getLocale();
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json.getPath());
            String message = messages.getMessage("problem.field.unreadable", null, locale);
            return ResponseEntity.badRequest().body(invalid(locale, List.of(new FieldProblem(field, message))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.body.unreadable", null, locale));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex, Locale locale) {
        return ResponseEntity.badRequest().body(invalid(locale, List.of(new FieldProblem(ex.getName(),
                messages.getMessage("problem.field.unreadable", null, locale)))));
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> rejected(ApiProblemException ex, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(),
                messages.getMessage(ex.messageKey(), ex.arguments(), locale));
        return ResponseEntity.status(ex.status()).body(problem);
    }

    /** Security decides about these, so its 401/403 handlers answer. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, Locale locale) throws Exception {
        if (ex instanceof org.springframework.web.ErrorResponse) {
            throw ex; // a standard Spring MVC exception: the base class answers it
        }
        if (isUnavailableStorage(ex)) {
            // the database is restarting or out of connections: a retry will do (a report resent with its id is kept once)
            log.warn("API request refused while the database is unavailable: {}", ex.toString());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    messages.getMessage("problem.unavailable", null, locale));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem);
        }
        log.error("Unexpected failure in an API request", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                messages.getMessage("problem.unexpected", null, locale));
        return ResponseEntity.internalServerError().body(problem);
    }

    /**
     * Whether the failure, however deep Axon or Spring wrapped it, is the database being out of reach (restarting,
     * refusing connections, the pool timing out), as opposed to a fault in the request or the code.
     */
    static boolean isUnavailableStorage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    // Hikari's answer on a connection it closed as broken (no SQL state): the rollback after the
                    // database went away fails with it, and that failure replaces the first one
                    || t instanceof SQLException closed && HIKARI_CLOSED.equals(closed.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private ProblemDetail invalid(Locale locale, BindingResult result) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : result.getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), messages.getMessage(error, locale)));
        }
        result.getGlobalErrors().forEach(error ->
                errors.add(new FieldProblem(error.getObjectName(), messages.getMessage(error, locale))));
        return invalid(locale, errors);
    }

    private ProblemDetail invalid(Locale locale, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid", null, locale));
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference ref : references) {
            if (ref.getPropertyName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
