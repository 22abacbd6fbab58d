package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.ComplianceRow;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Protocol compliance per team and quarter as JSON, and the incidents behind each number. */
@RestController
class ComplianceApiController {

    record Compliance(String team, String quarter, List<ComplianceRow> steps) {
    }

    record Incident(String incidentId, ProtocolStep step, int protocolVersion, Instant dueAt, Instant completedAt,
                    ComplianceOutcome outcome) {
    }

    private final ComplianceFigures figures;
    private final ReadModel readModel;
    private final OrganisationFigures organisation;

    ComplianceApiController(ComplianceFigures figures, ReadModel readModel, OrganisationFigures organisation) {
        this.figures = figures;
        this.readModel = readModel;
        this.organisation = organisation;
    }

    /** Management's answer: the team's steps as the organisation view counts them, small counts hidden. */
    record AggregatedCompliance(String team, String quarter, int minimumGroup, List<OrganisationFigures.Step> steps) {
    }

    @GetMapping("/api/compliance")
    Object compliance(@RequestParam(name = "team", required = false) String team,
                      @RequestParam(name = "quarter", required = false) String quarter,
                      @AuthenticationPrincipal VwUser user) {
        TeamId teamId = ComplianceFigures.requiredTeam(team);
        Quarter q = figures.requiredQuarter(quarter);
        ReadAccess.requireMaySeeCompliance(user, teamId);
        if (ReadAccess.aggregatesOnly(user, teamId)) {
            return new AggregatedCompliance(teamId.value(), q.toString(), SmallCountSuppression.MINIMUM_GROUP,
                    organisation.team(teamId, q).compliance());
        }
        return new Compliance(teamId.value(), q.toString(), figures.rows(teamId, q));
    }

    @GetMapping("/api/compliance/incidents")
    @Audited(AuditAction.COMPLIANCE_INCIDENTS_READ)
    List<Incident> incidents(@RequestParam(name = "team", required = false) String team,
                             @RequestParam(name = "quarter", required = false) String quarter,
                             @RequestParam(name = "step", required = false) String step,
                             @RequestParam(name = "outcome", required = false) String outcome,
                             @AuthenticationPrincipal VwUser user) {
        TeamId teamId = ComplianceFigures.requiredTeam(team);
        // who may not see the team's incidents hears 403 whatever else the request gets wrong, as on the page
        ReadAccess.requireMayDrillDown(user, teamId);
        Quarter q = figures.requiredQuarter(quarter);
        ProtocolStep s = ComplianceFigures.step(step);
        ComplianceOutcome o = ComplianceFigures.outcome(outcome);
        AuditLog.subject(ComplianceFigures.subject(teamId, q, s, o));
        return readModel.complianceIncidents(teamId, q, s, o).stream()
                .map(i -> new Incident(i.incidentId().value(), i.step(), i.protocolVersion(), i.dueAt(), i.completedAt(),
                        i.outcome()))
                .toList();
    }
}
