package nl.veiligwerken.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A team leader assigns a peer supporter of the team (by username) to give first support. */
record PeerSupporterForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotBlank(message = "{incident.peerSupporter.required}")
        String peerSupporter) {
}
