package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/**
 * The team leader records collegial first support. {@code expectedVersion} is the incident's version when the
 * form was opened; {@code offeredAt} is local time in the organisation's zone.
 */
record FirstSupportForm(
        @NotNull(message = "{incident.firstSupport.expectedVersion.required}")
        Long expectedVersion,

        @NotNull(message = "{incident.firstSupport.offeredAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime offeredAt,

        @NotNull(message = "{incident.firstSupport.response.required}")
        FirstSupportResponse response) {
}
