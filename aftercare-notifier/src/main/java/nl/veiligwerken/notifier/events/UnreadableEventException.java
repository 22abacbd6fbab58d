package nl.veiligwerken.notifier.events;

/** A record that does not follow the event contract; retrying will not change it, so it ends on the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
