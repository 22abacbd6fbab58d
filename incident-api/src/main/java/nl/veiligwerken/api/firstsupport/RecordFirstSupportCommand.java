package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * A team leader records that collegial first support was offered, when, by whom, and whether the colleague
 * accepted. {@code expectedVersion} is the incident's version the person saw: if someone else changed the
 * incident meanwhile, the command is refused rather than silently applied to a different situation.
 */
public record RecordFirstSupportCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String offeredBy,
        Instant offeredAt,
        FirstSupportResponse response,
        Actor recordedBy,
        Instant recordedAt) {
}
