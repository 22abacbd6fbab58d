package nl.veiligwerken.command.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.command.incident.IncidentRejectedException;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * What the form and the JSON API share: checking a report against who sends it, and turning it into the
 * command. Field problems end up in a {@link BindingResult} either way, so both show the same messages.
 */
@Component
class IncidentReporting {

    /** Clocks of phones differ a little; a report "a minute from now" is not in the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    record Accepted(IncidentId incidentId, long version) {
    }

    private final CommandGateway commands;
    private final Validator validator;
    private final Clock clock;
    private final OrganisationTime time;

    IncidentReporting(CommandGateway commands, Validator validator, Clock clock, OrganisationTime time) {
        this.commands = commands;
        this.validator = validator;
        this.clock = clock;
        this.time = time;
    }

    BindingResult bindingFor(IncidentReport report) {
        return new DirectFieldBindingResult(report, "report");
    }

    /** Bean Validation plus what only the sender can tell: their own team, and not in the future. */
    void check(IncidentReport report, VwUser reporter, BindingResult errors) {
        validator.validate(report, errors);
        if (report.teamId() != null && !report.teamId().isBlank()
                && !reporter.isMemberOf(new TeamId(report.teamId()))) {
            errors.rejectValue("teamId", "incident.report.teamId.notMember");
        }
        if (report.occurredAt() != null
                && time.toInstant(report.occurredAt()).isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.rejectValue("occurredAt", "incident.report.occurredAt.future");
        }
    }

    /** Sends the report; a rejection by the incident is added to {@code errors} and returns null. */
    Accepted submit(IncidentReport report, VwUser reporter, BindingResult errors) {
        Instant now = clock.instant();
        Instant occurredAt = time.toInstant(report.occurredAt());
        IncidentId id = IncidentId.random();
        ReportIncidentCommand command = new ReportIncidentCommand(id, new TeamId(report.teamId()),
                reporter.getUsername(), now, occurredAt.isAfter(now) ? now : occurredAt, report.setting(),
                report.kinds(), report.severity(), report.description().strip(), report.supportWanted());
        try {
            Long version = commands.sendAndWait(command);
            return new Accepted(id, version);
        } catch (IncidentRejectedException rejected) {
            if (rejected.field() != null) {
                errors.rejectValue(rejected.field(), rejected.messageKey());
            } else {
                errors.reject(rejected.messageKey());
            }
            return null;
        }
    }

    LocalDateTime now() {
        return time.nowToTheMinute();
    }
}
