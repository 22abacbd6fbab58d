package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.protocol.ProtocolStep;

import java.util.List;

/** The incident cannot be closed: these steps, which the protocol requires, are not done yet. */
public class StepsStillOpenException extends IncidentRejectedException {

    private final transient List<ProtocolStep> openSteps;

    public StepsStillOpenException(List<ProtocolStep> openSteps) {
        super("incident.rejected.stepsOpen", null);
        this.openSteps = List.copyOf(openSteps);
    }

    public List<ProtocolStep> openSteps() {
        return openSteps;
    }
}
