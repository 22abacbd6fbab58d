package nl.veiligwerken.command.incident;

/** The person is not the one the protocol lets do this step for this incident (403, not a field problem). */
public class IncidentForbiddenException extends IncidentRejectedException {

    public IncidentForbiddenException(String messageKey) {
        super(messageKey, null);
    }
}
