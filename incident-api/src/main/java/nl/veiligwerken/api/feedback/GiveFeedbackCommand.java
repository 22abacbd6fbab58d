package nl.veiligwerken.api.feedback;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * A team leader tells the reporter what was done with the report, in words the reporter reads. The first
 * feedback completes the protocol step; later feedback keeps the reporter informed.
 */
public record GiveFeedbackCommand(
        @TargetAggregateIdentifier IncidentId incidentId,
        @TargetAggregateVersion Long expectedVersion,
        String message,
        Actor givenBy,
        Instant givenAt) {
}
