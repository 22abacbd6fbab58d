package nl.veiligwerken.command.incident;

/**
 * The incident refuses a command. {@code messageKey} names the Dutch/English text in the message bundle,
 * {@code field} the input it is about (or null).
 */
public class IncidentRejectedException extends RuntimeException {

    private final String messageKey;
    private final String field;

    public IncidentRejectedException(String messageKey, String field) {
        super(messageKey);
        this.messageKey = messageKey;
        this.field = field;
    }

    public String messageKey() {
        return messageKey;
    }

    public String field() {
        return field;
    }
}
