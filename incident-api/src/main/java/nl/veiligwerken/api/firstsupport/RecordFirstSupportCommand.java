package nl.veiligwerken.api.firstsupport;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;
import java.util.Set;

/**
 * A team leader records that collegial first support was offered, when, by whom, and whether the colleague
 * accepted. {@code expectedVersion} is the incident's version the person saw: if someone else changed the
 * incident meanwhile, the command is refused rather than silently applied to a different situation.
 * {@code recordedByLeads} are the teams the person leads; only a leader of the incident's team may record it.
 */
public record RecordFirstSupportCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String offeredBy,
        Instant offeredAt,
        FirstSupportResponse response,
        String recordedBy,
        Set<TeamId> recordedByLeads,
        Instant recordedAt) {

    public RecordFirstSupportCommand {
        recordedByLeads = Set.copyOf(recordedByLeads);
    }
}
