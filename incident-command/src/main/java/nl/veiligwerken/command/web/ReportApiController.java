package nl.veiligwerken.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/** The report's own JSON: its current version, amendments, and drafts a reporter finishes later. */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportApiController {

    record Version(String incidentId, long version, boolean closed) {
    }

    record DraftSaved(String draftId) {
    }

    private final IncidentAccess access;
    private final ReportAmending amending;
    private final ReportDrafts drafts;
    private final NamesWarning namesWarning;

    ReportApiController(IncidentAccess access, ReportAmending amending, ReportDrafts drafts, NamesWarning namesWarning) {
        this.namesWarning = namesWarning;
        this.access = access;
        this.amending = amending;
        this.drafts = drafts;
    }

    /**
     * The incident's current version on the command side, to send as {@code expectedVersion} with a step.
     * For its reporter and the leaders of its team.
     */
    @Operation(summary = "The incident's current version, to send as expectedVersion")
    @GetMapping("/incidents/{incidentId}/version")
    Version version(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId) {
        IncidentRef incident = access.reportedOrLedBy(incidentId, user);
        return new Version(incident.incidentId().value(), incident.version(), incident.closed());
    }

    /**
     * Amends the report: {@code report} holds the content as it should read now (team, colleague and support
     * wish are not amended), {@code reason} why. 409 when the incident changed since {@code expectedVersion}; 422
     * when the description seems to name someone, as for a report.
     */
    @Operation(summary = "Amend the report; the earlier content stays in the history")
    @PostMapping(path = "/incidents/{incidentId}/amend", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ApiResponse(responseCode = "422", description = "The description seems to hold a name, e-mail address or "
            + "phone number; send it again with report.acknowledgeNamesWarning true to store it anyway",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<?> amend(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                            @RequestBody ReportAmendment amendment, Locale locale) throws BindException {
        IncidentRef incident = access.reportedOrLedBy(incidentId, user);
        BindingResult errors = amending.bindingFor(amendment);
        Long version = amending.submit(incident, amendment, user, errors);
        if (version == null && NamesWarning.onlyWarnings(errors)) {
            return namesWarning.problem(errors, locale);
        }
        return ResponseEntity.ok(StepAnswer.of(incident, version, errors));
    }

    /** The person's own drafts, newest first. */
    @Operation(summary = "Your unfinished reports")
    @GetMapping("/drafts")
    List<ReportDrafts.Draft> drafts(@AuthenticationPrincipal VwUser user) {
        return drafts.of(user.getUsername());
    }

    @Operation(summary = "One of your unfinished reports")
    @GetMapping("/drafts/{draftId}")
    ReportDrafts.Draft draft(@AuthenticationPrincipal VwUser user, @PathVariable String draftId) {
        return drafts.find(user.getUsername(), draftId)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound"));
    }

    /**
     * Saves a report as it is, complete or not. Send it later with POST /api/incidents and the same
     * {@code incidentId}: the draft is then removed.
     */
    @Operation(summary = "Save an unfinished report to finish later (kept 30 days)")
    @PutMapping(path = "/drafts/{draftId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    DraftSaved saveDraft(@AuthenticationPrincipal VwUser user, @PathVariable String draftId,
                         @RequestBody IncidentReport report) throws BindException {
        if (!draftId.matches("[0-9a-fA-F-]{36}")) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        BindingResult errors = new BeanPropertyBindingResult(report, "report");
        if (drafts.oversized(report, errors)) {
            throw new BindException(errors);
        }
        return new DraftSaved(drafts.save(user.getUsername(), report.withIncidentId(draftId)));
    }

    @Operation(summary = "Throw away an unfinished report")
    @DeleteMapping("/drafts/{draftId}")
    ResponseEntity<Void> deleteDraft(@AuthenticationPrincipal VwUser user, @PathVariable String draftId) {
        if (!drafts.delete(user.getUsername(), draftId)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
        }
        return ResponseEntity.noContent().build();
    }
}
