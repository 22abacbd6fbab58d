package nl.veiligwerken.platform.retention;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.util.Base64;

/**
 * Crypto-shredding for every service that keeps or reads the event store: Axon's event serializer (bean
 * {@code eventSerializer}, the one the event store uses for payloads and metadata) is wrapped in a
 * {@link PersonalDataSerializer}, with the incidents' keys from the shared {@code keyring} schema.
 */
@AutoConfiguration
@ConditionalOnClass(Serializer.class)
@EnableConfigurationProperties(RetentionProperties.class)
public class RetentionAutoConfiguration {

    static final String EVENT_SERIALIZER = "eventSerializer";

    @Bean
    @ConditionalOnMissingBean(IncidentKeys.class)
    JdbcIncidentKeys incidentKeys(DataSource dataSource, RetentionProperties properties) {
        return new JdbcIncidentKeys(dataSource, masterKey(properties.masterKey()));
    }

    static SecretKey masterKey(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("veilig-werken.retention.master-key is not base64", e);
        }
        if (bytes.length != FieldCipher.KEY_BYTES) {
            throw new IllegalArgumentException("veilig-werken.retention.master-key must be 32 bytes (base64 of 32 random bytes), not "
                    + bytes.length);
        }
        return FieldCipher.key(bytes);
    }

    /** Static and lazy about the keys, as a post-processor is made before the beans it looks at. */
    @Bean
    static BeanPostProcessor personalDataEventSerializer(ObjectProvider<IncidentKeys> keys) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (EVENT_SERIALIZER.equals(beanName) && bean instanceof Serializer serializer
                        && !(bean instanceof PersonalDataSerializer)) {
                    return new PersonalDataSerializer(serializer, keys::getObject);
                }
                return bean;
            }
        };
    }
}
