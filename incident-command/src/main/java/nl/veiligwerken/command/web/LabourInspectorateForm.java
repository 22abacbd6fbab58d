package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;

/** The notification to the Labour Inspectorate: when, and their case number if they gave one. */
record LabourInspectorateForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotNull(message = "{steps.labourInspectorate.notifiedAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime notifiedAt,

        @Size(max = 100, message = "{steps.labourInspectorate.reference.tooLong}")
        String reference) {
}
