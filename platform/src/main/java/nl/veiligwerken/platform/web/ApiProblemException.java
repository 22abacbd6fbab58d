package nl.veiligwerken.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A rejection answered with {@code status}: the JSON API gives the localised message {@code messageKey} as
 * problem JSON; a page gets the error page for that status (it is an {@link ErrorResponseException}).
 */
public class ApiProblemException extends ErrorResponseException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    public ApiProblemException(HttpStatus status, String messageKey, Object... arguments) {
        super(status);
        this.status = status;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
