package nl.veiligwerken.api.protocol;

/** The steps of the protocol agreements that become tasks with a deadline. */
public enum ProtocolStep {
    FIRST_SUPPORT
}
