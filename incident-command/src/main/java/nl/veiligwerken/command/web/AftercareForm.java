package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotNull;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.Referral;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDateTime;
import java.util.Set;

/**
 * An aftercare talk or check-in: when (local time in the organisation's zone), held or declined, and when held
 * whether the colleague needs more help and where they were referred. {@code needsMoreHelp} defaults to no.
 */
record AftercareForm(
        @NotNull(message = "{steps.expectedVersion.required}")
        Long expectedVersion,

        @NotNull(message = "{steps.aftercare.heldAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime heldAt,

        @NotNull(message = "{incident.aftercare.outcome.required}")
        AftercareOutcome outcome,

        Boolean needsMoreHelp,

        Set<@NotNull(message = "{steps.aftercare.referrals.invalid}") Referral> referrals) {
}
