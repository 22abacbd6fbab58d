package nl.veiligwerken.notifier.deadletters;

import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The dead-letter page's JSON twin, for the administrator; failures answer as problem JSON. */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterApiController {

    private static final int SHOWN = 200;

    private final DeadLetters deadLetters;

    DeadLetterApiController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetter> list(@AuthenticationPrincipal VwUser user) {
        DeadLetterController.requireAdmin(user);
        return deadLetters.list(SHOWN);
    }

    /** 200 with the row once republished; 409 when it was retried before, 503 when Kafka did not take it. */
    @PostMapping("/{id}/retry")
    DeadLetter retry(@PathVariable("id") long id, @AuthenticationPrincipal VwUser user) {
        DeadLetterController.requireAdmin(user);
        switch (deadLetters.retry(id, user.getUsername())) {
            case NOT_FOUND -> throw new ApiProblemException(HttpStatus.NOT_FOUND, "problem.notFound");
            case ALREADY_RETRIED -> throw new ApiProblemException(HttpStatus.CONFLICT, "deadLetters.retry.already");
            case KAFKA_UNAVAILABLE ->
                    throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "deadLetters.retry.failed");
            case REPUBLISHED -> {
                // answered below
            }
        }
        return deadLetters.find(id).orElseThrow();
    }
}
