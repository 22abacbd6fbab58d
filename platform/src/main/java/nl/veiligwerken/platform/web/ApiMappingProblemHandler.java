package nl.veiligwerken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import java.util.Locale;

/**
 * The refusals Spring MVC makes before it chose a handler (wrong content type, method not allowed), answered
 * for the JSON API as problem JSON with a Dutch (or English) detail. {@link ApiProblemHandler} only advises
 * {@code @RestController}s, so without this an API client got a bare status. Pages keep the error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiMappingProblemHandler {

    private final MessageSource messages;

    public ApiMappingProblemHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotAcceptableException.class})
    ResponseEntity<ProblemDetail> refused(Exception ex, HttpServletRequest request, Locale locale) throws Exception {
        if (!ProblemResponses.isApi(request)) {
            throw ex; // a page: Spring's own resolver answers with the status and the error page
        }
        HttpStatus status;
        String key;
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            key = "problem.mediaType.unsupported";
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            key = "problem.method.notAllowed";
        } else {
            status = HttpStatus.NOT_ACCEPTABLE;
            key = "problem.mediaType.notAcceptable";
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, null, locale)));
    }
}
