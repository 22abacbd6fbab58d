package nl.veiligwerken.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller method whose successful answer is a read worth recording: {@link AuditedCalls} writes one row to
 * the {@link AuditLog} after the method returned and before its answer goes out. A method that throws (403, 404,
 * bad input) or answers a {@code ResponseEntity} that is not 2xx read nothing and is not recorded.
 *
 * <p>The incident is taken from the path variable {@code id} or {@code incidentId}; what else was read (a team's
 * quarter) the controller names with {@link AuditLog#subject(String)} once it knows it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

    AuditAction value();
}
