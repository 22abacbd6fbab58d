package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/** A team leader records the response to the aggressor that was decided and given, with the reasons. */
public record RecordAggressorResponseCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        Set<AggressorResponse> responses,
        String explanation,
        Instant respondedAt,
        Actor recordedBy,
        Instant recordedAt) {

    public RecordAggressorResponseCommand {
        responses = responses == null ? Set.of() : Set.copyOf(responses);
    }
}
