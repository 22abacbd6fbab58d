package nl.veiligwerken.api.retention;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event record (or of a record inside one) as personal data of the incident: a person's
 * name or username, or a free text about the incident or a person. The event store keeps such a value encrypted
 * with the incident's own key; once the retention term has run out the key is deleted and the value reads as
 * null (an empty collection for a collection). Everything not marked (ids, team, moments, kinds, severity,
 * setting, categories, flags, steps) is kept for the figures. The list per event is in docs/events.md.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface PersonalData {

    /**
     * A condition under which the value is kept after all, as {@code component=VALUE} on a sibling component of the
     * same record (its JSON value as text): a follow-up action's description is kept when it is a preventive
     * measure ({@code kind=PREVENTIVE_MEASURE}), organisation learning like the learning points. Empty: always
     * personal.
     */
    String keptWhen() default "";
}
