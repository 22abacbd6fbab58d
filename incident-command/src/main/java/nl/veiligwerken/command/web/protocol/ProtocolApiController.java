package nl.veiligwerken.command.web.protocol;

import io.swagger.v3.oas.annotations.Operation;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;

/**
 * The agreements as JSON. A new version is sent in the shape the current one is read in, with the version it
 * was based on: 400 naming each field that is wrong, 409 when another version was adopted meanwhile, 403 for
 * anyone but a prevention officer.
 */
@RestController
@RequestMapping(path = "/api/protocol", produces = MediaType.APPLICATION_JSON_VALUE)
class ProtocolApiController {

    private final ProtocolEditing editing;

    ProtocolApiController(ProtocolEditing editing) {
        this.editing = editing;
    }

    @Operation(summary = "The protocol agreements in force")
    @GetMapping
    AgreementView current() {
        return AgreementView.of(editing.current());
    }

    /** Newest first. */
    @Operation(summary = "Every adopted version: number, since when, adopted by")
    @GetMapping("/versions")
    List<AgreementView.Summary> versions() {
        return editing.versions().stream().map(AgreementView.Summary::of).toList();
    }

    @Operation(summary = "One version of the agreements")
    @GetMapping("/versions/{version}")
    AgreementView version(@PathVariable int version) {
        return AgreementView.of(editing.version(version));
    }

    @Operation(summary = "Adopt a new version (prevention officer); it applies to incidents reported from then on")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementView> adopt(@AuthenticationPrincipal VwUser user, @RequestBody ProtocolForm form)
            throws BindException {
        BindingResult errors = editing.bindingFor(form);
        Integer adopted = editing.adopt(form, user, errors);
        if (adopted == null) {
            throw new BindException(errors);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/protocol/versions/{version}").buildAndExpand(adopted).toUri())
                .body(AgreementView.of(editing.version(adopted)));
    }
}
