package nl.veiligwerken.command;

import nl.veiligwerken.platform.test.PostgresTestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole command service on real parts: the shared embedded PostgreSQL, an embedded Kafka broker of its
 * own, and MockMvc with the real security chain. One context per test class, closed afterwards, so the
 * classes do not hold brokers and connection pools for each other.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = "incident-events")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@DirtiesContext
public @interface CommandServiceIntegrationTest {
}
