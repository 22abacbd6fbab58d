package nl.veiligwerken.query.web;

import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.audit.AuditAction;
import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.ComplianceIncident;
import nl.veiligwerken.query.queries.ComplianceOutcome;
import nl.veiligwerken.query.queries.Quarter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;

/**
 * Whether a team kept the protocol agreements in a quarter, and the incidents behind each number. Management
 * reads a team's figures on the organisation view, where small counts are hidden.
 */
@Controller
class CompliancePageController {

    record IncidentRow(ComplianceIncident incident, String due, String done) {
    }

    private final ComplianceFigures figures;
    private final ReadModel readModel;
    private final DirectoryNames names;
    private final OrganisationTime time;

    CompliancePageController(ComplianceFigures figures, ReadModel readModel, DirectoryNames names, OrganisationTime time) {
        this.figures = figures;
        this.readModel = readModel;
        this.names = names;
        this.time = time;
    }

    @GetMapping("/compliance")
    String overview(@RequestParam(name = "team", required = false) String team,
                    @RequestParam(name = "quarter", required = false) String quarter,
                    @AuthenticationPrincipal VwUser user, Model model) {
        ComplianceFigures.Shown shown = figures.show(team, quarter, user, model);
        if (ReadAccess.aggregatesOnly(user, shown.team())) {
            return ComplianceFigures.organisationView(quarter, shown.team(), true);
        }
        model.addAttribute("teamName", names.team(shown.team()));
        model.addAttribute("rows", figures.rows(shown.team(), shown.quarter()));
        model.addAttribute("mayDrillDown", ReadAccess.mayDrillDown(user, shown.team()));
        model.addAttribute("maySeeOrganisation", ReadAccess.seesEveryTeam(user));
        return "compliance/overview";
    }

    @GetMapping("/compliance/incidents")
    @Audited(AuditAction.COMPLIANCE_INCIDENTS_READ)
    String incidents(@RequestParam(name = "team", required = false) String team,
                     @RequestParam(name = "quarter", required = false) String quarter,
                     @RequestParam(name = "step", required = false) String step,
                     @RequestParam(name = "outcome", required = false) String outcome,
                     @AuthenticationPrincipal VwUser user, Locale locale, Model model) {
        TeamId teamId = figures.team(team, user);
        ReadAccess.requireMayDrillDown(user, teamId);
        Quarter q = figures.requiredQuarter(quarter);
        ProtocolStep s = ComplianceFigures.step(step);
        ComplianceOutcome o = ComplianceFigures.outcome(outcome);
        AuditLog.subject(ComplianceFigures.subject(teamId, q, s, o));
        List<IncidentRow> rows = readModel.complianceIncidents(teamId, q, s, o).stream()
                .map(i -> new IncidentRow(i, time.format(i.dueAt(), locale), time.format(i.completedAt(), locale)))
                .toList();
        model.addAttribute("team", teamId);
        model.addAttribute("teamName", names.team(teamId));
        model.addAttribute("quarter", q);
        model.addAttribute("step", s);
        model.addAttribute("outcome", o);
        model.addAttribute("rows", rows);
        return "compliance/incidents";
    }
}
