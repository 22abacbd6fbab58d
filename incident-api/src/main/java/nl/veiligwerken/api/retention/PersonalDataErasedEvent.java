package nl.veiligwerken.api.retention;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The retention term of a closed incident ran out and its personal data was erased: the incident's key is
 * deleted, so the personal fields of its stored events can no longer be read. What remains (team, dates, kind,
 * severity, setting, which steps were taken and when) still counts in the figures. Read models drop the texts and
 * names they hold for the incident when they see this event.
 *
 * @param teamId the incident's team, so a reader needs no other event to place it
 * @param erasedAt when the erasure took place
 */
@Revision("1")
public record PersonalDataErasedEvent(IncidentId incidentId, TeamId teamId, Instant erasedAt) {
}
