package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.protocol.ProtocolAgreement;

import java.time.Instant;

/** The adopted versions of the protocol agreements. Versions never change once adopted. */
public interface ProtocolBook {

    /** The version in force at {@code moment}: the latest adopted at or before it. */
    ProtocolAgreement inForceAt(Instant moment);

    /** One version; version 1 exists from the start. */
    ProtocolAgreement version(int version);
}
