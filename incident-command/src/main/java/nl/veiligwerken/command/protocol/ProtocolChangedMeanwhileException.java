package nl.veiligwerken.command.protocol;

/** Someone adopted a newer version than the one the person edited. */
public class ProtocolChangedMeanwhileException extends RuntimeException {

    public ProtocolChangedMeanwhileException(int basedOn, int current) {
        super("edited version " + basedOn + ", but version " + current + " is in force");
    }
}
