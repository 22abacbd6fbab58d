package nl.veiligwerken.command.protocol;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The protocol agreements (werkafspraken) that hold until the organisation versions its own.
 *
 * @param firstSupportDue how long after the report collegial first support must have been offered
 */
@ConfigurationProperties("veilig-werken.protocol")
public record ProtocolDefaults(@DefaultValue("PT24H") Duration firstSupportDue) {

    public ProtocolDefaults {
        if (firstSupportDue.isNegative() || firstSupportDue.isZero()) {
            throw new IllegalArgumentException("first-support-due must be positive");
        }
    }
}
