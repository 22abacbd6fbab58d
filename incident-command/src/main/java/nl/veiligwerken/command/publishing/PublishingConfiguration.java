package nl.veiligwerken.command.publishing;

import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class PublishingConfiguration {

    /**
     * A failed send must stop the publisher and make it retry from its last token (with back-off), not be
     * logged and skipped as Axon does for other handlers by default.
     */
    @Autowired
    void retryFailedPublications(EventProcessingConfigurer processing) {
        processing.registerListenerInvocationErrorHandler(KafkaEventPublisher.PROCESSING_GROUP,
                conf -> PropagatingErrorHandler.instance());
    }

    @Bean
    NewTopic incidentEventsTopic(PublishingProperties properties) {
        return TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicas())
                .build();
    }
}
