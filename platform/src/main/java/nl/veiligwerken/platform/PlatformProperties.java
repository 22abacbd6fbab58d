package nl.veiligwerken.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings every service shares.
 *
 * @param sharedSchemas the shared schemas this service migrates before its own ({@code identity}, {@code eventstore})
 * @param links         public base URLs of the three services, for the navigation between their pages
 * @param zone          the organisation's time zone: forms are filled in and times are shown in it
 */
@ConfigurationProperties("veilig-werken")
public record PlatformProperties(
        @DefaultValue("identity") List<String> sharedSchemas,
        @DefaultValue Links links,
        @DefaultValue("Europe/Amsterdam") java.time.ZoneId zone) {

    public record Links(
            @DefaultValue("http://localhost:8081") String command,
            @DefaultValue("http://localhost:8082") String query,
            @DefaultValue("http://localhost:8083") String notifier) {
    }
}
