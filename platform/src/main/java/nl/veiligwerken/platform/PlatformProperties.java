package nl.veiligwerken.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings every service shares.
 *
 * @param sharedSchemas the shared schemas this service migrates before its own ({@code identity}, {@code eventstore})
 * @param links         public base URLs of the three services, for the navigation between their pages
 * @param zone          the organisation's time zone: forms are filled in and times are shown in it
 * @param security      sign-in: the pause after repeated failures, and how OpenID Connect claims become access
 */
@ConfigurationProperties("veilig-werken")
public record PlatformProperties(
        @DefaultValue("identity") List<String> sharedSchemas,
        @DefaultValue Links links,
        @DefaultValue("Europe/Amsterdam") java.time.ZoneId zone,
        @DefaultValue Security security) {

    @ConstructorBinding
    public PlatformProperties {
    }

    /** With the default sign-in settings. */
    public PlatformProperties(List<String> sharedSchemas, Links links, java.time.ZoneId zone) {
        this(sharedSchemas, links, zone, new Security(Lockout.DEFAULT, Oidc.DEFAULT));
    }

    public record Links(
            @DefaultValue("http://localhost:8081") String command,
            @DefaultValue("http://localhost:8082") String query,
            @DefaultValue("http://localhost:8083") String notifier) {
    }

    public record Security(@DefaultValue Lockout lockout, @DefaultValue Oidc oidc) {
    }

    /**
     * After {@code maxFailures} failed sign-ins to one account within {@code window} of the first, its sign-in is
     * paused for {@code duration}; a successful sign-in forgets the failures.
     */
    public record Lockout(
            @DefaultValue("5") int maxFailures,
            @DefaultValue("15m") Duration window,
            @DefaultValue("15m") Duration duration) {

        static final Lockout DEFAULT = new Lockout(5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /**
     * How a person signed in through OpenID Connect becomes an account: the claims naming them, their roles and
     * teams, and which claim values mean which role (a value matching a role's name, in any case, means that role
     * without a mapping). Only used when a {@code spring.security.oauth2.client.registration.*} is configured.
     *
     * @param leadsClaim the teams a team leader leads; empty: a team leader leads every team of {@code teamsClaim}
     */
    public record Oidc(
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("name") String nameClaim,
            @DefaultValue("email") String emailClaim,
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("teams") String teamsClaim,
            @DefaultValue("") String leadsClaim,
            @DefaultValue Map<String, String> roleMapping) {

        static final Oidc DEFAULT = new Oidc("preferred_username", "name", "email", "roles", "teams", "", Map.of());
    }
}
