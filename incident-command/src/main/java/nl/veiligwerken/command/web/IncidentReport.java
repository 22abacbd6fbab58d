package nl.veiligwerken.command.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.command.incident.ReportRules;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A report as a person fills it in, on the web form or as JSON. {@code occurredAt} is local time in the
 * organisation's time zone, as a reporter would say it ("yesterday at half past three"). {@code incidentId}
 * is optional: the form carries one made when it was shown, so sending it twice (a double tap, a retry on a
 * bad connection) reports one incident, not two; an API client may do the same. {@code reportedFor} is the
 * colleague (username) it happened to, when someone reports on their behalf; {@code aggressor} defaults to
 * unknown, {@code injuries} to none, {@code policeInvolved} to no. {@code acknowledgeNamesWarning}: the sender
 * saw the warning that the description seems to name someone ({@link NamesWarning}) and sends it as it is.
 */
record IncidentReport(
        @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "{incident.report.incidentId.invalid}")
        String incidentId,

        @NotBlank(message = "{incident.report.teamId.required}")
        @Size(max = 100, message = "{incident.report.teamId.notMember}")
        String teamId,

        @Size(max = 100, message = "{incident.report.reportedFor.unknown}")
        String reportedFor,

        @NotNull(message = "{incident.report.occurredAt.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
        @JsonFormat(pattern = "yyyy-MM-dd'T'HH:mm[:ss]")
        LocalDateTime occurredAt,

        @NotNull(message = "{incident.report.setting.required}")
        Setting setting,

        @NotEmpty(message = "{incident.report.kinds.required}")
        Set<@NotNull(message = "{incident.report.kinds.required}") AggressionKind> kinds,

        @NotNull(message = "{incident.report.severity.required}")
        Severity severity,

        @NotBlank(message = "{incident.report.description.required}")
        @Size(max = ReportRules.DESCRIPTION_MAX, message = "{incident.report.description.tooLong}")
        String description,

        Aggressor aggressor,

        @Size(max = ReportRules.CLIENT_REFERENCE_MAX, message = "{incident.report.clientReference.invalid}")
        String clientReference,

        Set<@NotNull(message = "{incident.report.injuries.invalid}") Injury> injuries,

        Boolean policeInvolved,

        @NotNull(message = "{incident.report.supportWanted.required}")
        Boolean supportWanted,

        Boolean acknowledgeNamesWarning) {

    /** The empty form: now, a client as the aggressor, and support wanted (the colleague opts out rather than asks). */
    static IncidentReport blank(String teamId, LocalDateTime now) {
        return new IncidentReport(IncidentId.random().value(), teamId, null, now, null, Set.of(), null, null,
                Aggressor.CLIENT, null, Set.of(), Boolean.FALSE, Boolean.TRUE, null);
    }

    IncidentReport withIncidentId(String id) {
        return new IncidentReport(id, teamId, reportedFor, occurredAt, setting, kinds, severity, description, aggressor,
                clientReference, injuries, policeInvolved, supportWanted, acknowledgeNamesWarning);
    }

    /** The report as an amendment of an incident of {@code team}: team and support wish are not amended. */
    IncidentReport asAmendmentFor(String team) {
        return new IncidentReport(incidentId, team, null, occurredAt, setting, kinds, severity, description, aggressor,
                clientReference, injuries, policeInvolved, Boolean.TRUE, acknowledgeNamesWarning);
    }

    ReportContent content(Instant occurred) {
        return new ReportContent(occurred, setting, kinds, severity, description, aggressor, clientReference,
                injuries, Boolean.TRUE.equals(policeInvolved));
    }
}
