package nl.veiligwerken.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import nl.veiligwerken.command.lookup.IncidentRef;
import nl.veiligwerken.platform.PlatformProperties;
import org.springframework.web.bind.annotation.PathVariable;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Locale;

/** The report as JSON, for other systems and scripts. Read it back from the query service ({@code Location}). */
@RestController
@RequestMapping("/api/incidents")
class IncidentApiController {

    record Created(String incidentId, long version) {
    }

    private final IncidentReporting reporting;
    private final FirstSupportRecording firstSupport;
    private final IncidentClosing closing;
    private final IncidentAccess access;
    private final PlatformProperties platform;
    private final NamesWarning namesWarning;

    IncidentApiController(IncidentReporting reporting, FirstSupportRecording firstSupport, IncidentClosing closing,
                          IncidentAccess access, PlatformProperties platform, NamesWarning namesWarning) {
        this.namesWarning = namesWarning;
        this.reporting = reporting;
        this.firstSupport = firstSupport;
        this.closing = closing;
        this.access = access;
        this.platform = platform;
    }

    /**
     * Reports an incident. A description that seems to name someone (a name, an e-mail address, a phone number)
     * is a 422 naming the field, and nothing is stored; sent again with {@code "acknowledgeNamesWarning": true} it
     * is stored as it is.
     */
    @Operation(summary = "Report an incident")
    @ApiResponse(responseCode = "201", description = "Reported")
    @ApiResponse(responseCode = "400", description = "Fields missing or wrong",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The description seems to hold a name, e-mail address or "
            + "phone number; send it again with acknowledgeNamesWarning true to store it anyway",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> report(@AuthenticationPrincipal VwUser user, @RequestBody IncidentReport report, Locale locale)
            throws BindException {
        BindingResult errors = reporting.bindingFor(report);
        reporting.check(report, user, errors);
        if (NamesWarning.onlyWarnings(errors)) {
            return namesWarning.problem(errors, locale);
        }
        IncidentReporting.Accepted accepted = errors.hasErrors() ? null : reporting.submit(report, user, errors);
        if (accepted == null) {
            throw new BindException(errors);
        }
        URI location = URI.create(platform.links().query() + "/api/incidents/" + accepted.incidentId().value());
        return ResponseEntity.created(location).body(new Created(accepted.incidentId().value(), accepted.version()));
    }

    /**
     * Records collegial first support: whom the agreements give it, or the peer supporter a leader assigned
     * (403 for anyone else). 409 when the incident changed since {@code expectedVersion} (reload
     * and decide again) or when first support was already recorded.
     */
    @Operation(summary = "Record collegial first support: offered, accepted or declined")
    @PostMapping(path = "/{incidentId}/first-support", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StepAnswer recordFirstSupport(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                               @RequestBody FirstSupportForm form) throws BindException {
        // the agreements or a leader's assignment may give it to someone other than a leader: the incident decides
        return firstSupport.answer(access.openableBy(incidentId, user), form, user);
    }

    /** Closes the incident; 409 naming the steps still open, or when it changed since {@code expectedVersion}. */
    @Operation(summary = "Close the incident; refused while a required step or an action is open")
    @PostMapping(path = "/{incidentId}/close", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StepAnswer close(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                  @RequestBody ClosingForm form) throws BindException {
        IncidentRef incident = access.ledBy(incidentId, user);
        BindingResult errors = closing.bindingFor(form);
        return StepAnswer.of(incident, closing.close(incident, form, user, errors), errors);
    }

    /** Reopens a closed incident; the reason is required. */
    @Operation(summary = "Reopen a closed incident, with a reason")
    @PostMapping(path = "/{incidentId}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    StepAnswer reopen(@AuthenticationPrincipal VwUser user, @PathVariable String incidentId,
                   @RequestBody ClosingForm form) throws BindException {
        IncidentRef incident = access.ledBy(incidentId, user);
        BindingResult errors = closing.bindingFor(form);
        return StepAnswer.of(incident, closing.reopen(incident, form, user, errors), errors);
    }
}
