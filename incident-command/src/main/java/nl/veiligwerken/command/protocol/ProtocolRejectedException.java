package nl.veiligwerken.command.protocol;

import java.util.List;

/** A version of the agreements that breaks {@link AgreementRules}; the problems say what and where. */
public class ProtocolRejectedException extends RuntimeException {

    private final List<AgreementRules.Problem> problems;

    public ProtocolRejectedException(List<AgreementRules.Problem> problems) {
        super("protocol agreement refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<AgreementRules.Problem> problems() {
        return problems;
    }
}
