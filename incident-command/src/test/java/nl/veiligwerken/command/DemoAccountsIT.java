package nl.veiligwerken.command;

import nl.veiligwerken.platform.security.AccountDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo profile creates the demo accounts, says so on the login page, and they can sign in. */
@CommandServiceIntegrationTest
@ActiveProfiles("demo")
class DemoAccountsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    AccountDirectory directory;

    @Test
    void theLoginPageSaysTheseAreDemoAccounts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit is een demo-omgeving")))
                .andExpect(content().string(containsString("sanne")))
                .andExpect(content().string(containsString("teamleider")));
    }

    @Test
    void aDemoTeamLeaderLeadsTheirTeamAndCanSignIn() throws Exception {
        assertThat(directory.find("mark")).hasValueSatisfying(mark ->
                assertThat(mark.leads(new nl.veiligwerken.api.TeamId("ambulant-noord"))).isTrue());
        mvc.perform(post("/login").with(csrf()).param("username", "mark").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "mark").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theDemoPeerSupporterWorksInTeamNoordWithoutLeadingIt() throws Exception {
        nl.veiligwerken.api.TeamId noord = new nl.veiligwerken.api.TeamId("ambulant-noord");
        assertThat(directory.find("bram")).hasValueSatisfying(bram -> {
            assertThat(bram.displayName()).isEqualTo("Bram Visser");
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.PEER_SUPPORTER)).isTrue();
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.STAFF)).isTrue();
            assertThat(bram.hasRole(nl.veiligwerken.api.Role.TEAM_LEADER)).isFalse();
            assertThat(bram.memberOf()).containsExactly(noord);
            assertThat(bram.leads(noord)).isFalse();
        });
        assertThat(directory.membersWithRole(noord, nl.veiligwerken.api.Role.PEER_SUPPORTER))
                .extracting(AccountDirectory.Contact::username).containsExactly("bram");
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("Bram Visser")))
                .andExpect(content().string(containsString("opvangcollega")));
        mvc.perform(post("/login").with(csrf()).param("username", "bram").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void theOrganisationWideDemoAccountsHaveTheirRoleAndNoTeam() throws Exception {
        assertThat(directory.find("pim")).hasValueSatisfying(pim -> {
            assertThat(pim.hasRole(nl.veiligwerken.api.Role.PREVENTION_OFFICER)).isTrue();
            assertThat(pim.memberOf()).isEmpty();
        });
        assertThat(directory.find("mila")).hasValueSatisfying(mila -> {
            assertThat(mila.hasRole(nl.veiligwerken.api.Role.MANAGEMENT)).isTrue();
            assertThat(mila.hasRole(nl.veiligwerken.api.Role.TEAM_LEADER)).isFalse();
        });
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("preventiemedewerker")))
                .andExpect(content().string(containsString("directie")));
        mvc.perform(post("/login").with(csrf()).param("username", "pim").param("password", "demo"))
                .andExpect(redirectedUrl("/"));
    }
}
