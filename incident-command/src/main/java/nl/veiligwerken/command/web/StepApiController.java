package nl.veiligwerken.command.web;

import io.swagger.v3.oas.annotations.Operation;
import nl.veiligwerken.command.lookup.IncidentHistory;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steps after first support, and assigning a peer supporter for it, as JSON: each answers the incident's
 * new version. Times are local time in the organisation's zone ({@code 2026-01-10T11:00}). 400 names each
 * field that is wrong; 409 when the incident changed since {@code expectedVersion} or refuses the step in its
 * state (done already, closed); 403 when the agreements do not give the step to the person; 404 for an unknown
 * incident or action.
 */
@RestController
@RequestMapping(path = "/api/incidents/{incidentId}", consumes = MediaType.APPLICATION_JSON_VALUE,
        produces = MediaType.APPLICATION_JSON_VALUE)
class StepApiController {

    private final IncidentAccess access;
    private final AftercareRecording aftercare;
    private final AggressorResponseRecording aggressorResponse;
    private final FollowUpActions actions;
    private final FeedbackRecording feedback;
    private final AnalysisRecording analysis;
    private final LabourInspectorateRecording labourInspectorate;
    private final PeerSupporterAssignment peerSupporter;

    StepApiController(IncidentAccess access, AftercareRecording aftercare,
                      AggressorResponseRecording aggressorResponse, FollowUpActions actions,
                      FeedbackRecording feedback, AnalysisRecording analysis,
                      LabourInspectorateRecording labourInspectorate, PeerSupporterAssignment peerSupporter) {
        this.access = access;
        this.peerSupporter = peerSupporter;
        this.aftercare = aftercare;
        this.aggressorResponse = aggressorResponse;
        this.actions = actions;
        this.feedback = feedback;
        this.analysis = analysis;
        this.labourInspectorate = labourInspectorate;
    }

    /**
     * A leader of the team assigns a peer supporter of the team to give first support; they may then record it.
     * 400 on {@code peerSupporter} when they are not a peer supporter of the team; 409 when already assigned,
     * or once first support was recorded.
     */
    @Operation(summary = "Assign a peer supporter of the team to give collegial first support (a team leader)")
    @PostMapping("/peer-supporter")
    StepAnswer assignPeerSupporter(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                                   @RequestBody PeerSupporterForm form) throws BindException {
        IncidentRef incident = access.ledBy(incidentId, user);
        BindingResult errors = peerSupporter.bindingFor(form);
        return StepAnswer.of(incident, peerSupporter.submit(incident, form, user, errors), errors);
    }

    /** An aftercare talk; it counts for the first aftercare step still to come (talk, check-ins), then as extra. */
    @Operation(summary = "Record an aftercare talk or check-in: held or declined, need for more help, referrals")
    @PostMapping("/aftercare")
    StepAnswer recordAftercare(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                               @RequestBody AftercareForm form) throws BindException {
        return aftercare.answer(access.openableBy(incidentId, user), form, user);
    }

    @Operation(summary = "Record the response to the aggressor (conversation, letter, measure, ban, police report)")
    @PostMapping("/aggressor-response")
    StepAnswer recordAggressorResponse(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                                       @RequestBody AggressorResponseForm form) throws BindException {
        return aggressorResponse.answer(access.openableBy(incidentId, user), form, user);
    }

    /**
     * Plans a follow-up action; {@code actionId} is a UUID the client makes, so sending it again is refused
     * (409) as already planned, and completing it later is {@code /actions/{actionId}/complete}.
     */
    @Operation(summary = "Plan a follow-up action with an owner and a due time, such as a police report by the employer")
    @PostMapping("/actions")
    StepAnswer planAction(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                          @RequestBody FollowUpActionForm form) throws BindException {
        IncidentRef incident = access.openableBy(incidentId, user);
        BindingResult errors = actions.bindingFor(form);
        return StepAnswer.of(incident, actions.plan(incident, form, user, errors), errors);
    }

    /** The action's owner or a leader of the team records the action as done. */
    @Operation(summary = "Record a follow-up action as done (its owner or a team leader)")
    @PostMapping("/actions/{actionId}/complete")
    StepAnswer completeAction(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                              @PathVariable String actionId, @RequestBody ActionCompletionForm form)
            throws BindException {
        IncidentRef incident = access.openableBy(incidentId, user);
        IncidentHistory.Action action = actions.action(incident, actionId, user);
        BindingResult errors = actions.bindingFor(form);
        return StepAnswer.of(incident, actions.complete(incident, action, form, user, errors), errors);
    }

    @Operation(summary = "Tell the reporter what was done with the report")
    @PostMapping("/feedback")
    StepAnswer giveFeedback(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                            @RequestBody FeedbackForm form) throws BindException {
        return feedback.answer(access.openableBy(incidentId, user), form, user);
    }

    /**
     * The analysis; empty learning points and measures are left out, so errors name a row by its place among
     * the rows that are not empty. Each measure needs an {@code actionId} (a UUID) and becomes an action.
     */
    @Operation(summary = "Record the incident analysis: causes, risk factors, learning points, preventive measures")
    @PostMapping("/analysis")
    StepAnswer recordAnalysis(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                              @RequestBody AnalysisForm form) throws BindException {
        IncidentRef incident = access.openableBy(incidentId, user);
        AnalysisForm rows = form.withoutEmptyRows();
        BindingResult errors = analysis.bindingFor(rows);
        return StepAnswer.of(incident, analysis.submit(incident, rows, user, errors), errors);
    }

    @Operation(summary = "Record the notification of a serious injury to the Labour Inspectorate")
    @PostMapping("/labour-inspectorate")
    StepAnswer recordLabourInspectorate(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                                        @RequestBody LabourInspectorateForm form) throws BindException {
        return labourInspectorate.answer(access.openableBy(incidentId, user), form, user);
    }
}
