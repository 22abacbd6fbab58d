package nl.veiligwerken.query.web;

import nl.veiligwerken.api.IncidentId;

import java.util.Optional;

/**
 * The change a person just made, as the command service names it in the address it sends them back to:
 * {@code ?seen=<incidentId>:<version>}, the incident and its version after the change. A hint that cannot be
 * read is not waited for, and the page says so ({@link #unreadable}): it cannot tell whether it shows the change.
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

    /** A hint given but not of that form (a blank one is no hint): the page shows what it has, and says why. */
    static boolean unreadable(String value) {
        return value != null && !value.isBlank() && parse(value).isEmpty();
    }
}
