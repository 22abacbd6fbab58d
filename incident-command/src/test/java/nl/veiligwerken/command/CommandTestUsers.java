package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Set;
import java.util.UUID;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A fresh team with a staff member and its leader (and a leader of another team), per test, so tests sharing
 * one database do not see each other.
 */
public final class CommandTestUsers {

    public final TeamId team = new TeamId("team-" + UUID.randomUUID().toString().substring(0, 8));
    public final TeamId otherTeam = new TeamId("other-" + UUID.randomUUID().toString().substring(0, 8));
    public final VwUser staff = new VwUser("staff-" + team.value(), "Sanne Test", "sanne@example.test", "{noop}x", true,
            Set.of(Role.STAFF), Set.of(team), Set.of());
    public final VwUser leader = new VwUser("lead-" + team.value(), "Mark Test", "m@example.test", "{noop}x", true,
            Set.of(Role.TEAM_LEADER), Set.of(team), Set.of(team));
    public final VwUser colleague = new VwUser("colleague-" + team.value(), "Fatima Test", "f@example.test", "{noop}x",
            true, Set.of(Role.STAFF), Set.of(team), Set.of());
    /** A peer supporter (opvangcollega) of the team: staff too, not a leader. */
    public final VwUser peerSupporter = new VwUser("peer-" + team.value(), "Bram Test", "bram@example.test", "{noop}x",
            true, Set.of(Role.PEER_SUPPORTER, Role.STAFF), Set.of(team), Set.of());
    /** Organisation-wide: analyses incidents of every team and maintains the protocol agreements. */
    public final VwUser preventionOfficer = new VwUser("prevention-" + team.value(), "Pim Test", "pim@example.test",
            "{noop}x", true, Set.of(Role.PREVENTION_OFFICER, Role.STAFF), Set.of(), Set.of());
    public final VwUser otherLeader = new VwUser("lead-" + otherTeam.value(), "Peter Test", "p@example.test", "{noop}x",
            true, Set.of(Role.TEAM_LEADER), Set.of(otherTeam), Set.of(otherTeam));

    public CommandTestUsers(AccountDirectory directory) {
        directory.saveTeam(team, "Testteam " + team.value());
        directory.saveTeam(otherTeam, "Ander team " + otherTeam.value());
    }

    /** The staff member reports a minor threat through the JSON API; returns the new incident's id. */
    public String report(MockMvc mvc, String description) throws Exception {
        String body = mvc.perform(post("/api/incidents").with(user(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"teamId":"%s","occurredAt":"2026-01-10T10:00","setting":"OFFICE","kinds":["THREAT"],
                                 "severity":"MINOR","description":"%s","supportWanted":true}""".formatted(team.value(), description)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.incidentId");
    }
}
