package nl.veiligwerken.platform.security;

import jakarta.servlet.http.Cookie;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.test.OwnTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing in against a real PostgreSQL and the real shared session (Spring Session JDBC, its cookie carried from
 * request to request): the session follows the directory, repeated failures pause sign-in, and passwords are
 * hashed with Argon2id.
 */
@SpringBootTest(classes = SignInApp.class, properties = {"veilig-werken.shared-schemas=identity", "spring.messages.basename=messages/platform",
        "spring.flyway.enabled=true", "spring.flyway.fail-on-missing-locations=false"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = SignInIT.OwnDatabase.class)
class SignInIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "sign_in_it";
        }
    }

    private static final String PASSWORD = "Correct horse 7";

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDirectory directory;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    SignInApp.MovableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OidcAccounts oidcAccounts;

    TeamId noord;
    TeamId zuid;
    String username;

    @BeforeEach
    void freshAccount() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        noord = new TeamId("noord-" + suffix);
        zuid = new TeamId("zuid-" + suffix);
        username = "lead-" + suffix;
        directory.saveTeam(noord, "Noord");
        directory.saveTeam(zuid, "Zuid");
        saveLeaderOf(noord);
    }

    @Test
    void theSessionFollowsTheDirectoryAtTheNextRequest() throws Exception {
        Cookie session = signIn();
        mvc.perform(get("/api/me").cookie(session))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.leads[0]").value(noord.value()))
                .andExpect(jsonPath("$.roles.length()").value(2));

        // taken off Noord, now leading Zuid, and no longer a team leader at all a moment later
        saveLeaderOf(zuid);
        mvc.perform(get("/api/me").cookie(session)).andExpect(jsonPath("$.leads[0]").value(zuid.value()));
        mvc.perform(get("/me").cookie(session)).andExpect(content().string(containsString(zuid.value())));
        directory.saveAccount(username, "Mark", "mark@test.local", passwordEncoder.encode(PASSWORD),
                Set.of(Role.STAFF), Set.of(zuid), Set.of());
        mvc.perform(get("/api/me").cookie(session))
                .andExpect(jsonPath("$.roles[0]").value("STAFF"))
                .andExpect(jsonPath("$.roles.length()").value(1))
                .andExpect(jsonPath("$.leads.length()").value(0));
    }

    @Test
    void aDisabledAccountIsSignedOutAndEnablingItAgainDoesNotReviveTheSession() throws Exception {
        Cookie session = signIn();
        mvc.perform(get("/me").cookie(session)).andExpect(status().isOk());

        directory.setEnabled(username, false);
        mvc.perform(get("/me").cookie(session)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from identity.spring_session where principal_name = ?")
                .param(username).query(Long.class).single()).as("the session is gone").isZero();

        directory.setEnabled(username, true);
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void aRemovedAccountIsSignedOut() throws Exception {
        Cookie session = signIn();
        directory.removeAccount(username);
        mvc.perform(get("/api/me").cookie(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void fiveFailuresPauseSignInForTheConfiguredPeriodForFormAndBasicAlike() throws Exception {
        for (int i = 0; i < 5; i++) {
            failSignIn(username, "wrong-" + i);
        }
        mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/me").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        signIn();
        mvc.perform(get("/api/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aSuccessfulSignInForgetsEarlierFailures() throws Exception {
        for (int i = 0; i < 4; i++) {
            failSignIn(username, "wrong");
        }
        mvc.perform(get("/api/me").with(httpBasic(username, PASSWORD))).andExpect(status().isOk());
        for (int i = 0; i < 4; i++) {
            mvc.perform(get("/api/me").with(httpBasic(username, "wrong"))).andExpect(status().isUnauthorized());
        }
        signIn();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotPause() throws Exception {
        for (int i = 0; i < 4; i++) {
            failSignIn(username, "wrong");
        }
        clock.advance(Duration.ofMinutes(16));
        failSignIn(username, "wrong");
        signIn();
    }

    /** Unknown name, wrong password and paused account: one and the same answer, so nobody learns who exists. */
    @Test
    void theLoginPageSaysTheSameForAnUnknownNameAWrongPasswordAndAPausedAccount() throws Exception {
        failSignIn("nobody-" + UUID.randomUUID(), PASSWORD);
        failSignIn(username, "wrong");
        for (int i = 0; i < 4; i++) {
            failSignIn(username, "wrong");
        }
        failSignIn(username, PASSWORD);

        mvc.perform(get("/login").param("error", "").header("Accept-Language", "nl"))
                .andExpect(content().string(containsString("Gebruikersnaam of wachtwoord klopt niet.")))
                .andExpect(content().string(containsString("Na meerdere mislukte pogingen is aanmelden een tijdje niet mogelijk.")))
                .andExpect(content().string(not(containsString("/oauth2/authorization/"))));
    }

    @Test
    void newPasswordsAreArgon2idAndAnOldBcryptHashStillSignsInAndIsRehashed() throws Exception {
        assertThat(storedHash()).startsWith("{argon2id}$argon2id$");

        String bcrypt = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD);
        jdbc.sql("update identity.account set password_hash = ? where username = ?").params(bcrypt, username).update();
        signIn();
        assertThat(storedHash()).startsWith("{argon2id}$argon2id$");
        assertThat(passwordEncoder.matches(PASSWORD, storedHash())).isTrue();
    }

    @Test
    void anAccountWithoutALocalPasswordCannotSignInWithOne() throws Exception {
        jdbc.sql("update identity.account set password_hash = '{none}' where username = ?").param(username).update();
        failSignIn(username, "{none}");
        failSignIn(username, "");
    }

    /** Signing in through OpenID Connect writes the account to the directory, and its outbox tells the notifier. */
    @Test
    void oidcClaimsCreateAndUpdateTheAccountInTheDirectoryButNeverItsPasswordOrADisabledOne() throws Exception {
        String person = "oidc-" + UUID.randomUUID().toString().substring(0, 8);
        oidcAccounts.save(Map.of("preferred_username", person, "name", "Olga", "email", "olga@org.test",
                "roles", List.of("TEAM_LEADER", "STAFF"), "teams", List.of(noord.value(), "unknown-team")));

        VwUser created = directory.find(person).orElseThrow();
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.TEAM_LEADER, Role.STAFF);
        assertThat(created.leads()).containsExactly(noord);
        assertThat(created.getPassword()).as("no local password").isEqualTo("{none}");
        mvc.perform(formLogin("/login").user(person).password("{none}")).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from identity.directory_outbox where event_key = ?")
                .param("account:" + person).query(Long.class).single()).isEqualTo(1);

        // the local account of the same name signs in both ways and keeps its password
        oidcAccounts.save(Map.of("preferred_username", username, "name", "Mark J.", "roles", List.of("STAFF"),
                "teams", List.of(zuid.value())));
        assertThat(directory.find(username).orElseThrow().memberOf()).containsExactly(zuid);
        signIn();

        directory.setEnabled(person, false);
        assertThatThrownBy(() -> oidcAccounts.save(Map.of("preferred_username", person, "roles", List.of("STAFF"))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(directory.find(person).orElseThrow().isEnabled()).isFalse();
    }

    private void saveLeaderOf(TeamId team) {
        directory.saveAccount(username, "Mark", "mark@test.local", passwordEncoder.encode(PASSWORD),
                Set.of(Role.TEAM_LEADER, Role.STAFF), Set.of(team), Set.of(team));
    }

    private Cookie signIn() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/"))
                .andReturn();
        // Spring Session's cookie (named VWSESSION by the running services' server settings, SESSION here)
        Cookie[] cookies = result.getResponse().getCookies();
        assertThat(cookies).as("the shared session's cookie").singleElement();
        return cookies[0];
    }

    private void failSignIn(String name, String password) throws Exception {
        mvc.perform(formLogin("/login").user(name).password(password)).andExpect(redirectedUrl("/login?error"));
    }

    private String storedHash() {
        return jdbc.sql("select password_hash from identity.account where username = ?").param(username)
                .query(String.class).single();
    }
}
