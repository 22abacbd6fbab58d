package nl.veiligwerken.query.web;

import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every team's figures and the organisation's as JSON, aggregated only, small counts hidden. */
@RestController
class OrganisationApiController {

    private final ComplianceFigures figures;
    private final OrganisationFigures organisation;

    OrganisationApiController(ComplianceFigures figures, OrganisationFigures organisation) {
        this.figures = figures;
        this.organisation = organisation;
    }

    @GetMapping("/api/organisation")
    OrganisationFigures.Report organisation(@RequestParam(name = "quarter", required = false) String quarter,
                                            @AuthenticationPrincipal VwUser user) {
        ReadAccess.requireMaySeeOrganisation(user);
        return organisation.report(figures.requiredQuarter(quarter));
    }
}
