package nl.veiligwerken.platform.web;

import org.springframework.http.HttpStatus;

/** A rejection the API answers with {@code status} and the localised message {@code messageKey}. */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String messageKey;
    private final transient Object[] arguments;

    public ApiProblemException(HttpStatus status, String messageKey, Object... arguments) {
        super(messageKey);
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
