package nl.veiligwerken.platform.retention;

import javax.crypto.SecretKey;
import java.util.Optional;

/**
 * The incidents' own keys, with which the personal fields of their stored events are encrypted. Erasing a key is
 * erasing the incident's personal data from the event store: the events stay, those fields can no longer be read.
 */
public interface IncidentKeys {

    /** The incident's key, or empty when it never had one or it was erased. */
    Optional<SecretKey> find(String incidentId);

    /** The incident's key, made on first use. */
    SecretKey obtain(String incidentId);

    /** Deletes the incident's key for good; nothing encrypted with it can be read afterwards. */
    void erase(String incidentId);
}
