package nl.veiligwerken.command.web;

import nl.veiligwerken.api.reporting.AmendReportCommand;
import nl.veiligwerken.api.reporting.ReportContent;
import nl.veiligwerken.command.lookup.IncidentLookup;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DirectFieldBindingResult;
import org.springframework.validation.Validator;

import java.time.Clock;

/** What the amend page and its JSON twin share: the form filled with the report as it reads now, checking, sending. */
@Component
class ReportAmending {

    private final IncidentCommands commands;
    private final IncidentReporting reporting;
    private final IncidentLookup lookup;
    private final Validator validator;
    private final OrganisationTime time;
    private final Clock clock;

    ReportAmending(IncidentCommands commands, IncidentReporting reporting, IncidentLookup lookup, Validator validator,
                   OrganisationTime time, Clock clock) {
        this.commands = commands;
        this.reporting = reporting;
        this.lookup = lookup;
        this.validator = validator;
        this.time = time;
        this.clock = clock;
    }

    ReportAmendment current(IncidentRef incident) {
        ReportContent content = lookup.content(incident.incidentId())
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
        IncidentReport report = new IncidentReport(incident.incidentId().value(), incident.teamId().value(), null,
                time.toLocalDateTime(content.occurredAt()), content.setting(), content.kinds(), content.severity(),
                content.description(), content.aggressor(), content.clientReference(), content.injuries(),
                content.policeInvolved(), Boolean.TRUE, null);
        return new ReportAmendment(incident.version(), null, report);
    }

    BindingResult bindingFor(ReportAmendment amendment) {
        return new DirectFieldBindingResult(amendment, "amendment");
    }

    /** The incident's new version, or null with the reasons in {@code errors}. */
    Long submit(IncidentRef incident, ReportAmendment form, VwUser user, BindingResult errors) {
        ReportAmendment amendment = form.report() == null ? form : new ReportAmendment(form.expectedVersion(),
                form.reason(), form.report().asAmendmentFor(incident.teamId().value()));
        validator.validate(amendment, errors);
        if (amendment.report() != null) {
            errors.pushNestedPath("report");
            reporting.checkContent(amendment.report(), errors);
            errors.popNestedPath();
        }
        if (errors.hasErrors()) {
            return null;
        }
        return commands.send(new AmendReportCommand(incident.incidentId(), amendment.expectedVersion(),
                amendment.report().content(reporting.occurredAt(amendment.report())), amendment.reason(),
                user.actor(), clock.instant()), errors);
    }
}
