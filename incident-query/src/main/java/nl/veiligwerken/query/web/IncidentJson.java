package nl.veiligwerken.query.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import nl.veiligwerken.api.incidents.IncidentDetails;

import java.time.Instant;

/**
 * {@code GET /api/incidents/{id}}: the incident's fields as {@link IncidentDetails} has them, and
 * {@code personalDataErasedAt}, when its personal data was erased after the retention term (null while it is
 * kept). After the erasure the names and texts read as null.
 */
record IncidentJson(@JsonUnwrapped IncidentDetails incident, Instant personalDataErasedAt) {
}
