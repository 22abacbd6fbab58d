package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;

import java.util.Optional;

/**
 * The change a person just made, as the command service names it in the address it sends them back to:
 * {@code ?seen=<incidentId>:<version>}, the incident and its version after the change.
 */
record Seen(IncidentId incidentId, long version) {

    /** Empty when absent or not of that form: the page is then shown as it is, without waiting. */
    static Optional<Seen> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return Optional.empty();
        }
        try {
            long version = Long.parseLong(value.substring(colon + 1));
            return version < 0 ? Optional.empty() : Optional.of(new Seen(new IncidentId(value.substring(0, colon)), version));
        } catch (IllegalArgumentException notAVersionOrNoIncident) {
            return Optional.empty();
        }
    }
}
