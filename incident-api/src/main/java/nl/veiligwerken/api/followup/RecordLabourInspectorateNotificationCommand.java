package nl.veiligwerken.api.followup;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/** The serious injury was notified to the Labour Inspectorate; {@code reference} is their case number, if given. */
public record RecordLabourInspectorateNotificationCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        Instant notifiedAt,
        String reference,
        Actor recordedBy,
        Instant recordedAt) {
}
