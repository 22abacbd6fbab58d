package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.protocol.AdoptProtocolAgreementCommand;
import nl.veiligwerken.platform.OrganisationTime;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import java.time.Clock;
import java.util.Set;

/** Due times in the organisation's zone, and version 1 of the agreements adopted on a new installation's first start. */
@Configuration
class ProtocolConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ProtocolConfiguration.class);

    private final JdbcProtocolBook book;
    private final CommandGateway commands;
    private final Clock clock;

    ProtocolConfiguration(JdbcProtocolBook book, CommandGateway commands, Clock clock) {
        this.book = book;
        this.commands = commands;
        this.clock = clock;
    }

    @Bean
    DueTimes dueTimes(OrganisationTime time) {
        return new DueTimes(time.zone());
    }

    @EventListener(ApplicationReadyEvent.class)
    void adoptDefaultsOnce() {
        if (book.anyAdopted()) {
            return;
        }
        try {
            commands.sendAndWait(new AdoptProtocolAgreementCommand(AdoptProtocolAgreementCommand.ORGANISATION, 0,
                    DefaultAgreement.steps(), DefaultAgreement.RETENTION_YEARS,
                    new Actor(ProtocolAgreements.SYSTEM, Set.of(), Set.of(), Set.of()), clock.instant()));
            log.info("Adopted version 1 of the protocol agreements: the defaults");
        } catch (ProtocolChangedMeanwhileException | ConcurrencyException | AggregateStreamCreationException another) {
            log.info("Version 1 of the protocol agreements was adopted by another instance");
        }
    }
}
