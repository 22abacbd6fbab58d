package nl.veiligwerken.command.incident;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.protocol.ProtocolAgreementAdoptedEvent;
import nl.veiligwerken.command.protocol.DueTimes;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.AggregateScopeDescriptor;

import java.time.Instant;

/**
 * The erasure of a closed incident's personal data at the end of its agreements' retention term after closing,
 * scheduled in the incident's scope: by the aggregate when it closes, and by the demo history for the incidents
 * it writes closed. The scope names the incident by its {@link IncidentId}, as the aggregate describes itself, so
 * that reopening cancels either.
 */
public final class ErasureDeadline {

    private ErasureDeadline() {
    }

    public static void schedule(DeadlineManager deadlines, DueTimes dueTimes, IncidentId incident, Instant closedAt,
                                int retentionYears) {
        deadlines.schedule(dueTimes.yearsAfter(closedAt,
                        retentionYears < 1 ? ProtocolAgreementAdoptedEvent.DEFAULT_RETENTION_YEARS : retentionYears),
                Incident.ERASURE, incident, new AggregateScopeDescriptor(Incident.class.getSimpleName(), incident));
    }
}
