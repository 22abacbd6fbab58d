package nl.veiligwerken.platform.axon;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/** Axon settings shared by the services that keep or read the event store. */
@AutoConfiguration
@ConditionalOnClass(Jackson3SerializerCustomizer.class)
public class AxonStorageAutoConfiguration {

    /**
     * Axon's tracking tokens (a replay token wraps another token) are stored with their class name; Jackson 3
     * refuses such polymorphic types unless a validator allows them. Axon 4.13.0 does not register one (fixed
     * in 4.13.1), so tokens written during a replay could not be read back.
     */
    @Bean
    Jackson3SerializerCustomizer allowAxonPolymorphicTypes() {
        return builder -> builder.polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                .allowIfSubType("org.axonframework.")
                .build());
    }
}
