package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.PlatformProperties;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OidcClaimMappingTest {

    private static final TeamId NOORD = new TeamId("ambulant-noord");
    private static final TeamId ZUID = new TeamId("woongroep-zuid");
    private static final Set<TeamId> KNOWN = Set.of(NOORD, ZUID);

    private final OidcClaimMapping defaults = new OidcClaimMapping(new PlatformProperties.Oidc(
            "preferred_username", "name", "email", "roles", "teams", "", Map.of()));

    @Test
    void rolesAndTeamsComeFromTheirClaimsAndATeamLeaderLeadsTheTeamsTheyArePutIn() {
        var account = defaults.map(Map.of("preferred_username", "mark", "name", "Mark Jansen", "email", "mark@org.test",
                "roles", List.of("team_leader", "STAFF"), "teams", List.of("ambulant-noord")), KNOWN::contains).orElseThrow();

        assertThat(account.username()).isEqualTo("mark");
        assertThat(account.displayName()).isEqualTo("Mark Jansen");
        assertThat(account.email()).isEqualTo("mark@org.test");
        assertThat(account.roles()).containsExactlyInAnyOrder(Role.TEAM_LEADER, Role.STAFF);
        assertThat(account.memberOf()).containsExactly(NOORD);
        assertThat(account.leads()).containsExactly(NOORD);
    }

    @Test
    void aRoleMappingTranslatesTheProvidersNamesAndUnknownValuesAndTeamsAreLeftOut() {
        OidcClaimMapping entra = new OidcClaimMapping(new PlatformProperties.Oidc("upn", "name", "email",
                "app_roles", "groups", "", Map.of("VW.Medewerker", "STAFF", "VW.Preventie", "prevention-officer")));

        var account = entra.map(Map.of("upn", "pim@org.test", "app_roles", "VW.Medewerker VW.Preventie Global.Admin",
                "groups", List.of("woongroep-zuid", "no-such-team")), KNOWN::contains).orElseThrow();

        assertThat(account.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.PREVENTION_OFFICER);
        assertThat(account.memberOf()).containsExactly(ZUID);
        assertThat(account.leads()).as("not a team leader").isEmpty();
        assertThat(account.displayName()).as("no name claim: the username").isEqualTo("pim@org.test");
    }

    @Test
    void aLeadsClaimNamesTheTeamsALeaderLeads() {
        OidcClaimMapping withLeads = new OidcClaimMapping(new PlatformProperties.Oidc("preferred_username", "name",
                "email", "roles", "teams", "leads", Map.of()));

        var account = withLeads.map(Map.of("preferred_username", "peter", "roles", List.of("TEAM_LEADER"),
                "teams", List.of("ambulant-noord"), "leads", List.of("woongroep-zuid")), KNOWN::contains).orElseThrow();

        assertThat(account.memberOf()).containsExactlyInAnyOrder(NOORD, ZUID);
        assertThat(account.leads()).containsExactly(ZUID);
    }

    @Test
    void noUsernameOrNoKnownRoleMeansNoAccount() {
        assertThat(defaults.map(Map.of("roles", List.of("STAFF")), KNOWN::contains)).isEmpty();
        assertThat(defaults.map(Map.of("preferred_username", "x", "roles", List.of("Global.Admin")), KNOWN::contains)).isEmpty();
        assertThat(defaults.map(Map.of("preferred_username", "x"), KNOWN::contains)).isEmpty();
    }
}
