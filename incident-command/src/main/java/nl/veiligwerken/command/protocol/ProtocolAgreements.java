package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.AdoptProtocolAgreementCommand;
import nl.veiligwerken.api.protocol.ProtocolAgreementAdoptedEvent;
import nl.veiligwerken.command.incident.IncidentForbiddenException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The organisation's protocol agreements as a line of versions. Adopting never changes a version: it adds the
 * next one, in force from the moment it is adopted. Version 1 (the defaults) is adopted by the system itself.
 */
@Aggregate
class ProtocolAgreements {

    static final String SYSTEM = "system";

    @AggregateIdentifier
    private String protocolId;
    private int version;

    ProtocolAgreements() {
        // for Axon: rebuilt from its events
    }

    /** @return the version adopted */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    int handle(AdoptProtocolAgreementCommand command) {
        // the system only puts the first version in place (another instance may have done so already: then it is
        // told the agreements changed meanwhile); an account that happens to be named like it may not do more
        boolean bySystem = SYSTEM.equals(command.adoptedBy().username()) && command.basedOnVersion() == 0;
        if (!bySystem && !command.adoptedBy().has(Role.PREVENTION_OFFICER)) {
            throw new IncidentForbiddenException("protocol.rejected.notPreventionOfficer");
        }
        if (command.basedOnVersion() != version) {
            throw new ProtocolChangedMeanwhileException(command.basedOnVersion(), version);
        }
        List<AgreementRules.Problem> problems = AgreementRules.problems(command.steps(), command.retentionYears());
        if (!problems.isEmpty()) {
            throw new ProtocolRejectedException(problems);
        }
        // the first version has always been in force: incidents reported before it are held to it too
        Instant effectiveFrom = version == 0 ? Instant.EPOCH : command.adoptedAt();
        apply(new ProtocolAgreementAdoptedEvent(command.protocolId(), version + 1, effectiveFrom, command.steps(),
                command.retentionYears(), command.adoptedBy().username()));
        return version;
    }

    @EventSourcingHandler
    void on(ProtocolAgreementAdoptedEvent event) {
        protocolId = event.protocolId();
        version = event.version();
    }
}
