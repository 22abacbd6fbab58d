package nl.veiligwerken.command.web;

import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.command.incident.ReportRules;
import nl.veiligwerken.command.protocol.ProtocolBook;
import java.time.Clock;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;

/** The report form: on a phone, in under two minutes. */
@Controller
class ReportIncidentController {

    private final IncidentReporting reporting;
    private final AccountDirectory directory;
    private final ProtocolBook protocol;
    private final ReportDrafts drafts;
    private final Clock clock;

    ReportIncidentController(IncidentReporting reporting, AccountDirectory directory, ProtocolBook protocol,
                             ReportDrafts drafts, Clock clock) {
        this.drafts = drafts;
        this.reporting = reporting;
        this.directory = directory;
        this.protocol = protocol;
        this.clock = clock;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/incidents/new";
    }

    /** The empty form, or a draft to finish ({@code ?draft=<id>}, the person's own only). */
    @GetMapping("/incidents/new")
    String form(@AuthenticationPrincipal VwUser user, @RequestParam(required = false) String draft, Model model) {
        List<AccountDirectory.Team> teams = teamsOf(user);
        IncidentReport form = draft == null
                ? IncidentReport.blank(teams.size() == 1 ? teams.get(0).id().value() : null, reporting.now())
                : drafts.find(user.getUsername(), draft).map(ReportDrafts.Draft::report)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
        model.addAttribute("report", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "report", reporting.bindingFor(form));
        return showForm(user, model);
    }

    /**
     * Sends the report, or with {@code saveDraft} keeps it as it is (incomplete is fine) to finish later. A draft
     * is not checked for names: it is the writer's own, and the warning comes when the report is sent.
     */
    @PostMapping("/incidents/new")
    String submit(@AuthenticationPrincipal VwUser user, @ModelAttribute("report") IncidentReport report,
                  BindingResult errors, @RequestParam(defaultValue = "false") boolean saveDraft, Model model,
                  RedirectAttributes redirect) {
        if (saveDraft) {
            if (drafts.oversized(report, errors)) {
                return showForm(user, model);
            }
            drafts.save(user.getUsername(), report);
            redirect.addFlashAttribute("draftSaved", true);
            return "redirect:/drafts";
        }
        if (!errors.hasErrors()) {
            reporting.check(report, user, errors);
        }
        IncidentReporting.Accepted accepted = errors.hasErrors() ? null : reporting.submit(report, user, errors);
        if (accepted == null) {
            // a description that seems to name someone: said at the field, with a box to send it anyway
            model.addAttribute("namesWarning", NamesWarning.warned(errors));
            return showForm(user, model);
        }
        return "redirect:/incidents/" + accepted.incidentId().value() + "/reported";
    }

    @GetMapping("/incidents/{incidentId}/reported")
    String reported(@PathVariable String incidentId, Model model) {
        model.addAttribute("incidentId", incidentId);
        model.addAttribute("firstSupport", protocol.inForceAt(clock.instant()).step(ProtocolStep.FIRST_SUPPORT)
                .map(step -> step.due()).orElse(null));
        return "incidents/reported";
    }

    private String showForm(VwUser user, Model model) {
        model.addAttribute("teams", teamsOf(user));
        addChoices(model);
        model.addAttribute("colleagues", teamsOf(user).stream()
                .flatMap(team -> directory.membersOf(team.id()).stream())
                .filter(member -> !member.username().equals(user.getUsername()))
                .distinct().toList());
        return "incidents/report";
    }

    /** The answers the report's content fields offer; the amend form shows the same. */
    void addChoices(Model model) {
        model.addAttribute("settings", Setting.values());
        model.addAttribute("kinds", AggressionKind.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("descriptionMax", ReportRules.DESCRIPTION_MAX);
        model.addAttribute("clientReferenceMax", ReportRules.CLIENT_REFERENCE_MAX);
        model.addAttribute("aggressors", Aggressor.values());
        model.addAttribute("injuries", Injury.values());
    }

    @GetMapping("/drafts")
    String drafts(@AuthenticationPrincipal VwUser user, Model model) {
        model.addAttribute("drafts", drafts.of(user.getUsername()));
        return "incidents/drafts";
    }

    @PostMapping("/drafts/{draftId}/delete")
    String deleteDraft(@AuthenticationPrincipal VwUser user, @PathVariable String draftId,
                       RedirectAttributes redirect) {
        if (!drafts.delete(user.getUsername(), draftId)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        redirect.addFlashAttribute("draftDeleted", true);
        return "redirect:/drafts";
    }

    private List<AccountDirectory.Team> teamsOf(VwUser user) {
        return directory.teams().stream().filter(t -> user.isMemberOf(t.id())).toList();
    }

}
