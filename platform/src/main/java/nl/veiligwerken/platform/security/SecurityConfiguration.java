package nl.veiligwerken.platform.security;

import nl.veiligwerken.platform.web.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import java.util.Map;

/**
 * One way to sign in for every service: a form login on each service's {@code /login} (and, when configured,
 * OpenID Connect), the session shared through Spring Session JDBC. The JSON API also takes HTTP Basic and
 * answers 401/403 as problem JSON. What a signed-in person may see is decided per request from role and team
 * ({@link VwUser}), as the directory says at that request ({@link DirectoryRefreshingSecurityContextRepository},
 * where the service has it).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /** The id of new hashes; older ones (bcrypt of earlier versions, noop in tests) still verify. */
    static final String CURRENT_HASH = "argon2id";

    /**
     * New passwords are hashed with Argon2id (OWASP's parameters: 19 MiB, 2 iterations, 1 lane); bcrypt hashes
     * stored before still verify and are rehashed at the next sign-in. A hash with an unknown id (an account that
     * only signs in through OpenID Connect has {@code {none}}) matches no password.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = Map.of(
                CURRENT_HASH, new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2),
                "argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_2(),
                "argon2@SpringSecurity_v5_8", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new BCryptPasswordEncoder(),
                "noop", NoOpPasswordEncoder.getInstance());
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(CURRENT_HASH, encoders);
        encoder.setDefaultPasswordEncoderForMatches(new NoPassword());
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return encoder.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return encoder.matches(rawPassword, encodedPassword);
            }

            /** {@code {noop}} exists only in tests, which sign in often: left as it is rather than rehashed. */
            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encodedPassword != null && !encodedPassword.startsWith("{noop}")
                        && encoder.upgradeEncoding(encodedPassword);
            }
        };
    }

    @Bean
    ProblemResponses problemResponses(MessageSource messages, LocaleResolver localeResolver) {
        return new ProblemResponses(messages, localeResolver);
    }

    /** Spring Security takes this for every chain: an address its firewall refuses is answered like other 400s. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemResponses problems) {
        return problems.rejected();
    }

    /**
     * The session's sign-in, looked up again in the directory at every request when the service has the
     * refreshing repository (every running service; slice tests with a mocked directory do without).
     */
    private static SecurityContextRepository contextRepository(
            ObjectProvider<DirectoryRefreshingSecurityContextRepository> refreshing) {
        SecurityContextRepository refreshed = refreshing.getIfAvailable();
        SecurityContextRepository sessions = refreshed != null ? refreshed : new HttpSessionSecurityContextRepository();
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(), sessions);
    }

    /**
     * The JSON API. CSRF protection is off here because these endpoints only accept {@code application/json}
     * bodies, which a cross-site form cannot send, and the session cookie is {@code SameSite=Lax}.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemResponses problems,
                                    ObjectProvider<DirectoryRefreshingSecurityContextRepository> refreshing) throws Exception {
        http.securityMatcher("/api/**")
                .securityContext(c -> c.securityContextRepository(contextRepository(refreshing)))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthenticated()))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http,
                                     ObjectProvider<DirectoryRefreshingSecurityContextRepository> refreshing,
                                     ObjectProvider<ClientRegistrationRepository> clients,
                                     ObjectProvider<OidcAccounts> oidcAccounts) throws Exception {
        SecurityContextRepository contexts = contextRepository(refreshing);
        http.securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error", "/actuator/health/**",
                                "/actuator/health").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        OidcAccounts accounts = oidcAccounts.getIfAvailable();
        if (clients.getIfAvailable() != null && accounts != null) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(accounts.userService()))
                    .successHandler(accounts.successHandler(contexts))
                    .failureUrl("/login?error"));
        }
        return http.build();
    }

    /** For a stored hash without a known algorithm: matches nothing, and is never made. */
    private static final class NoPassword implements PasswordEncoder {
        @Override
        public String encode(CharSequence rawPassword) {
            throw new UnsupportedOperationException("no password");
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return false;
        }
    }
}
