package nl.veiligwerken.platform.security;

import nl.veiligwerken.platform.test.OwnTestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With an OpenID Connect registration configured (here a Keycloak realm given by its endpoints, so nothing is
 * fetched), the login page offers to sign in there, next to the password form, and the button starts the
 * authorization code flow at the provider. Without one it offers nothing (SignInIT).
 */
@SpringBootTest(classes = SignInApp.class, properties = {"veilig-werken.shared-schemas=identity",
        "spring.messages.basename=messages/platform",
        "spring.security.oauth2.client.registration.keycloak.client-id=veilig-werken",
        "spring.security.oauth2.client.registration.keycloak.client-secret=secret",
        "spring.security.oauth2.client.registration.keycloak.client-name=Keycloak",
        "spring.security.oauth2.client.registration.keycloak.scope=openid,profile,email",
        "spring.security.oauth2.client.registration.keycloak.authorization-grant-type=authorization_code",
        "spring.security.oauth2.client.registration.keycloak.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
        "spring.security.oauth2.client.provider.keycloak.authorization-uri=https://id.example.test/realms/vw/protocol/openid-connect/auth",
        "spring.security.oauth2.client.provider.keycloak.token-uri=https://id.example.test/realms/vw/protocol/openid-connect/token",
        "spring.security.oauth2.client.provider.keycloak.jwk-set-uri=https://id.example.test/realms/vw/protocol/openid-connect/certs",
        "spring.security.oauth2.client.provider.keycloak.user-info-uri=https://id.example.test/realms/vw/protocol/openid-connect/userinfo",
        "spring.security.oauth2.client.provider.keycloak.user-name-attribute=preferred_username"})
@AutoConfigureMockMvc
@ContextConfiguration(initializers = OidcLoginPageIT.OwnDatabase.class)
class OidcLoginPageIT {

    static class OwnDatabase extends OwnTestDatabase {
        @Override
        protected String name() {
            return "oidc_login_page_it";
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void theLoginPageOffersTheProviderAndItsButtonGoesThere() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "nl"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Aanmelden met Keycloak"),
                        containsString("href=\"/oauth2/authorization/keycloak\""),
                        containsString("name=\"password\""))));

        mvc.perform(get("/oauth2/authorization/keycloak"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", allOf(
                        startsWith("https://id.example.test/realms/vw/protocol/openid-connect/auth?"),
                        containsString("client_id=veilig-werken"), containsString("scope=openid"))));
    }

    @Test
    void aPageBehindSignInStillSendsToTheOwnLoginPage() throws Exception {
        mvc.perform(get("/me")).andExpect(status().isFound())
                .andExpect(header().string("Location", containsString("/login")));
    }
}
