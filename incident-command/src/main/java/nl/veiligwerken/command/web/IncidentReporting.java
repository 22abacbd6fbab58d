package nl.veiligwerken.command.web;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.reporting.ReportIncidentCommand;
import nl.veiligwerken.command.lookup.IncidentLookup;
import nl.veiligwerken.command.protocol.StepPolicy;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.command.incident.ReportRules;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What the form and the JSON API share: checking a report against who sends it, and turning it into the
 * command. Field problems end up in a {@link BindingResult} either way, so both show the same messages.
 */
@Component
class IncidentReporting {

    record Accepted(IncidentId incidentId, long version) {
    }

    private final IncidentCommands commands;
    private final IncidentLookup lookup;
    private final AccountDirectory directory;
    private final ReportDrafts drafts;
    private final Validator validator;
    private final Clock clock;
    private final OrganisationTime time;

    IncidentReporting(IncidentCommands commands, IncidentLookup lookup, AccountDirectory directory,
                      ReportDrafts drafts, Validator validator, Clock clock, OrganisationTime time) {
        this.drafts = drafts;
        this.commands = commands;
        this.lookup = lookup;
        this.directory = directory;
        this.validator = validator;
        this.clock = clock;
        this.time = time;
    }

    BindingResult bindingFor(IncidentReport report) {
        return new DirectFieldBindingResult(report, "report");
    }

    /**
     * Bean Validation plus what only the sender can tell: their own team, a colleague from that team, not in
     * the future, and a client number rather than a name.
     */
    void check(IncidentReport report, VwUser reporter, BindingResult errors) {
        validator.validate(report, errors);
        checkSender(report, reporter, errors);
    }

    /** The checks beyond Bean Validation, for a report or (under a nested path) an amendment's report. */
    void checkSender(IncidentReport report, VwUser reporter, BindingResult errors) {
        boolean teamKnown = report.teamId() != null && !report.teamId().isBlank();
        if (teamKnown && !reporter.isMemberOf(new TeamId(report.teamId()))) {
            errors.rejectValue("teamId", "incident.report.teamId.notMember");
        } else if (teamKnown && report.reportedFor() != null && !report.reportedFor().isBlank()
                && directory.membersOf(new TeamId(report.teamId())).stream()
                .noneMatch(member -> member.username().equals(report.reportedFor()))) {
            errors.rejectValue("reportedFor", "incident.report.reportedFor.unknown");
        }
        checkContent(report, errors);
    }

    /**
     * The rules for what the report says, whoever sends it: also for an amendment, which keeps the team and
     * the colleague of the report (a reporter who has since left the team still corrects their report). A
     * description that seems to name someone is held back with a warning until the sender acknowledges it.
     */
    void checkContent(IncidentReport report, BindingResult errors) {
        NamesWarning.check("description", report.description(), report.acknowledgeNamesWarning(), errors);
        if (!errors.hasFieldErrors("clientReference") && !ReportRules.isPseudonymousReference(report.clientReference())) {
            errors.rejectValue("clientReference", "incident.report.clientReference.invalid");
        }
        if (report.occurredAt() != null
                && time.toInstant(report.occurredAt()).isAfter(clock.instant().plus(StepPolicy.CLOCK_SKEW))) {
            errors.rejectValue("occurredAt", "incident.report.occurredAt.future");
        }
    }

    /** The moment the person filled in, not later than now (a phone's clock may run a little ahead). */
    Instant occurredAt(IncidentReport report) {
        Instant now = clock.instant();
        Instant occurredAt = time.toInstant(report.occurredAt());
        return occurredAt.isAfter(now) ? now : occurredAt;
    }

    /**
     * Sends the report; a rejection by the incident is added to {@code errors} and returns null. A draft with
     * the report's id is done with once the report is in.
     */
    Accepted submit(IncidentReport report, VwUser reporter, BindingResult errors) {
        Accepted accepted = send(report, reporter, errors);
        if (accepted != null) {
            drafts.delete(reporter.getUsername(), accepted.incidentId().value());
        }
        return accepted;
    }

    private Accepted send(IncidentReport report, VwUser reporter, BindingResult errors) {
        IncidentId id = report.incidentId() == null ? IncidentId.random() : new IncidentId(report.incidentId().toLowerCase());
        ReportIncidentCommand command = new ReportIncidentCommand(id, new TeamId(report.teamId()),
                reporter.getUsername(), report.reportedFor(), clock.instant(), report.content(occurredAt(report)),
                report.supportWanted());
        try {
            Long version = commands.send(command, errors);
            return version == null ? null : new Accepted(id, version);
        } catch (ApiProblemException rejected) {
            if (rejected.status() != HttpStatus.CONFLICT) {
                throw rejected;
            }
            return sentBefore(id, reporter).orElseThrow(() -> rejected);
        }
    }

    /** The same report sent again by the same person: the incident it already made, not a second one. */
    private Optional<Accepted> sentBefore(IncidentId id, VwUser reporter) {
        return lookup.find(id)
                .filter(incident -> reporter.getUsername().equals(incident.reportedBy()))
                .map(incident -> new Accepted(id, incident.version()));
    }

    LocalDateTime now() {
        return time.nowToTheMinute();
    }
}
