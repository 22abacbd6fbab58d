package nl.veiligwerken.command.lookup;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LookupConfiguration {

    /**
     * The lookup is written in the transaction that appends the events: when it fails, the command must fail and
     * roll back with it, not be logged and committed without its lookup row (Axon's default for a handler), which
     * would leave an incident the pages cannot find.
     */
    @Autowired
    void failTheCommandWhenTheLookupFails(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(IncidentLookup.PROCESSING_GROUP,
                conf -> PropagatingErrorHandler.instance());
    }
}
