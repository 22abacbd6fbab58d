package nl.veiligwerken.command;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.VwUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages of the steps after first support, each as a person uses it: the form in Dutch, a mistake shown on
 * the field, the step recorded, and refused without a CSRF token or for someone of another team.
 */
@CommandServiceIntegrationTest
class StepPagesIT {

    private static final Pattern ACTION_ID = Pattern.compile("name=\"actionId\" value=\"([0-9a-f-]{36})\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.axonframework.eventsourcing.eventstore.EventStore eventStore;
    @Autowired
    tools.jackson.databind.json.JsonMapper jsonMapper;
    @Autowired
    AccountDirectory directory;

    CommandTestUsers users;
    VwUser strangerStaff;
    String id;
    String tasks;

    @BeforeEach
    void setUp() throws Exception {
        users = new CommandTestUsers(directory);
        for (VwUser person : Set.of(users.leader, users.colleague, users.staff, users.preventionOfficer,
                users.peerSupporter)) {
            directory.saveAccount(person.getUsername(), person.displayName(), person.email(), "{noop}x",
                    person.roles(), person.memberOf(), person.leads());
        }
        strangerStaff = new VwUser("stranger-" + users.otherTeam.value(), "Stan Test", "s@example.test", "{noop}x",
                true, Set.of(Role.STAFF), Set.of(users.otherTeam), Set.of());
        id = users.report(mvc, "Dreigde");
        tasks = "http://localhost:8082/tasks?team=" + users.team.value();
    }

    /** The task list, told which change to wait for: read after the step, so it is the incident's new version. */
    private String tasksSeen() {
        return tasks + "&seen=" + id + ":" + version();
    }

    private long version() {
        return jdbc.queryForObject("select version from command.incident_lookup where incident_id = ?", Long.class, id);
    }

    private static String now() {
        return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String inDays(int days) {
        return LocalDateTime.now(ZoneId.of("Europe/Amsterdam")).plusDays(days).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private MockHttpServletRequestBuilder form(String page, VwUser person) {
        return post("/incidents/" + id + "/" + page).with(user(person)).with(csrf())
                .param("expectedVersion", String.valueOf(version()));
    }

    private long events(String type) {
        return jdbc.queryForObject("select count(*) from eventstore.domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", Long.class, id, type);
    }

    /** What every step page does for someone who may not open it, and without a CSRF token. */
    private void refusedToStrangersAndWithoutToken(String page, String... validParams) throws Exception {
        mvc.perform(get("/incidents/" + id + "/" + page).with(user(strangerStaff))).andExpect(status().isForbidden());
        MockHttpServletRequestBuilder stranger = form(page, strangerStaff);
        MockHttpServletRequestBuilder noToken = post("/incidents/" + id + "/" + page).with(user(users.leader))
                .param("expectedVersion", String.valueOf(version()));
        for (int i = 0; i < validParams.length; i += 2) {
            stranger.param(validParams[i], validParams[i + 1]);
            noToken.param(validParams[i], validParams[i + 1]);
        }
        mvc.perform(stranger).andExpect(status().isForbidden());
        mvc.perform(noToken).andExpect(status().isForbidden());
    }

    @Test
    void aftercarePageSaysWhichTalkItIsAndRecordsIt() throws Exception {
        mvc.perform(get("/incidents/" + id + "/aftercare").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Nazorg</title>"),
                        containsString("Dit is het nazorggesprek."),
                        containsString("name=\"expectedVersion\" value=\"" + version() + "\""))));
        mvc.perform(form("aftercare", users.leader).param("heldAt", now()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Geef aan of het gesprek plaatsvond."),
                        containsString("aria-describedby=\"outcome-error\""))));
        mvc.perform(form("aftercare", users.leader).param("heldAt", "gisteren").param("outcome", "HELD"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul een geldige datum en tijd in.")));
        refusedToStrangersAndWithoutToken("aftercare", "heldAt", now(), "outcome", "HELD");

        mvc.perform(form("aftercare", users.leader).param("heldAt", now()).param("outcome", "HELD")
                        .param("needsMoreHelp", "true").param("referrals", "COMPANY_DOCTOR"))
                .andExpect(redirectedUrl(tasksSeen()));
        assertThat(events("nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent")).isEqualTo(1);
        mvc.perform(get("/incidents/" + id + "/aftercare").with(user(users.leader)))
                .andExpect(content().string(containsString("Dit is de eerste check-in na het nazorggesprek.")));
    }

    @Test
    void aggressorResponsePageRecordsTheResponse() throws Exception {
        mvc.perform(get("/incidents/" + id + "/aggressor-response").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Reactie naar de agressor</title>")));
        mvc.perform(form("aggressor-response", users.leader).param("respondedAt", now()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies ten minste één reactie.")));
        refusedToStrangersAndWithoutToken("aggressor-response", "respondedAt", now(), "responses", "LETTER");
        // the form names the incident and shows what the step needs of it: opening it is on record, once
        assertThat(jdbc.queryForList("select username, action, service, path from audit.audit_log where incident_id = ?",
                id)).singleElement().isEqualTo(java.util.Map.of("username", users.leader.getUsername(),
                "action", "STEP_FORM_READ", "service", "incident-command",
                "path", "/incidents/" + id + "/aggressor-response"));

        mvc.perform(form("aggressor-response", users.leader).param("respondedAt", now())
                        .param("responses", "LETTER", "CONVERSATION").param("explanation", "Brief en gesprek"))
                .andExpect(redirectedUrl(tasksSeen()));
        assertThat(events("nl.veiligwerken.api.followup.AggressorResponseRecordedEvent")).isEqualTo(1);
    }

    @Test
    void actionPagesPlanAnActionOnceAndItsOwnerCompletesIt() throws Exception {
        String page = mvc.perform(get("/incidents/" + id + "/actions").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Vervolgactie plannen</title>"),
                        containsString(">Fatima Test</option>"), containsString("Aangifte bij de politie"))))
                .andReturn().getResponse().getContentAsString();
        Matcher made = ACTION_ID.matcher(page);
        assertThat(made.find()).as("the form carries the id of the action it plans").isTrue();
        String actionId = made.group(1);

        mvc.perform(form("actions", users.leader).param("actionId", actionId).param("kind", "POLICE_REPORT")
                        .param("owner", users.colleague.getUsername()).param("dueAt", inDays(7)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beschrijf de actie.")));
        mvc.perform(form("actions", users.leader).param("actionId", actionId).param("kind", "POLICE_REPORT")
                        .param("description", "Aangifte").param("owner", strangerStaff.getUsername()).param("dueAt", inDays(7)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies iemand uit het team.")));
        refusedToStrangersAndWithoutToken("actions", "actionId", actionId, "kind", "OTHER", "description", "x",
                "owner", users.colleague.getUsername(), "dueAt", inDays(7));

        long seen = version();
        MockHttpServletRequestBuilder plan = post("/incidents/" + id + "/actions").with(user(users.leader)).with(csrf())
                .param("expectedVersion", String.valueOf(seen)).param("actionId", actionId)
                .param("kind", "POLICE_REPORT").param("byEmployer", "true").param("description", "Aangifte namens Fatima")
                .param("owner", users.colleague.getUsername()).param("dueAt", inDays(7));
        mvc.perform(plan).andExpect(redirectedUrl(tasksSeen()));
        mvc.perform(plan)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze actie is al vastgelegd.")));
        assertThat(events("nl.veiligwerken.api.followup.FollowUpActionPlannedEvent")).isEqualTo(1);

        String complete = "actions/" + actionId + "/complete";
        mvc.perform(get("/incidents/" + id + "/" + complete).with(user(users.colleague)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Vervolgactie afronden</title>"),
                        containsString("Aangifte namens Fatima"), containsString("Fatima Test"))));
        mvc.perform(get("/incidents/" + id + "/actions/" + UUID.randomUUID() + "/complete").with(user(users.colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(form(complete, users.colleague).param("completedAt", now()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beschrijf wat er gedaan is.")));
        refusedToStrangersAndWithoutToken(complete, "result", "Gedaan", "completedAt", now());
        mvc.perform(form(complete, users.staff).param("result", "Gedaan").param("completedAt", now()))
                .andExpect(status().isForbidden());
        // a team mate who neither owns the action nor leads the team does not read it either
        mvc.perform(get("/incidents/" + id + "/" + complete).with(user(users.staff)))
                .andExpect(status().isForbidden());

        mvc.perform(form(complete, users.colleague).param("result", "Aangifte gedaan").param("completedAt", now()))
                .andExpect(redirectedUrl("/incidents/" + id + "/recorded"));
        mvc.perform(get("/incidents/" + id + "/recorded").with(user(users.colleague)))
                .andExpect(content().string(containsString("Het is vastgelegd bij de melding.")));
        mvc.perform(get("/incidents/" + id + "/" + complete).with(user(users.colleague)))
                .andExpect(content().string(allOf(containsString("Deze actie is al afgerond."),
                        not(containsString("name=\"result\"")))));
    }

    @Test
    void feedbackPageGivesFeedbackOnlyAsTheAgreementsSay() throws Exception {
        mvc.perform(get("/incidents/" + id + "/feedback").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Terugkoppeling aan de melder</title>")));
        mvc.perform(form("feedback", users.leader).param("message", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schrijf wat er met de melding gedaan is.")));
        refusedToStrangersAndWithoutToken("feedback", "message", "Besproken");
        // a colleague in the team may open it, but the agreements give feedback to the team leader
        mvc.perform(get("/incidents/" + id + "/feedback").with(user(users.colleague))).andExpect(status().isOk());
        mvc.perform(form("feedback", users.colleague).param("message", "Besproken")).andExpect(status().isForbidden());

        mvc.perform(form("feedback", users.leader).param("message", "We hebben een gesprek gehad met de cliënt."))
                .andExpect(redirectedUrl(tasksSeen()));
        assertThat(events("nl.veiligwerken.api.feedback.FeedbackGivenEvent")).isEqualTo(1);
    }

    @Test
    void analysisPageAddsRowsIgnoresEmptyOnesAndTurnsMeasuresIntoActions() throws Exception {
        String page = mvc.perform(get("/incidents/" + id + "/analysis").with(user(users.preventionOfficer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<title>Incidentanalyse</title>"),
                        containsString("Leerpunt 1"), not(containsString("Leerpunt 2")))))
                .andReturn().getResponse().getContentAsString();
        Matcher made = Pattern.compile("name=\"measures\\[0]\\.actionId\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(made.find()).isTrue();
        String measureId = made.group(1);

        mvc.perform(form("analysis", users.preventionOfficer).param("causes", "Wachttijd")
                        .param("learningPoints[0].text", "Eerder de-escaleren").param("addPoint", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Leerpunt 2"), containsString("Eerder de-escaleren"),
                        not(containsString("Kies voor wie het leerpunt is.")))));

        mvc.perform(form("analysis", users.preventionOfficer)
                        .param("learningPoints[0].level", "").param("learningPoints[0].text", "")
                        .param("learningPoints[1].text", "Eerder de-escaleren")
                        .param("measures[0].actionId", measureId))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Beschrijf de oorzaken."),
                        containsString("Kies voor wie het leerpunt is."),
                        // the empty first row was left out: the point is now the first, and named so
                        containsString("id=\"learningPoints0.level-error\""))));
        refusedToStrangersAndWithoutToken("analysis", "causes", "Wachttijd");

        mvc.perform(form("analysis", users.preventionOfficer).param("causes", "Lange wachttijd aan de balie")
                        .param("riskFactors", "Drukte")
                        .param("learningPoints[0].level", "").param("learningPoints[0].skill", "")
                        .param("learningPoints[0].text", "")
                        .param("learningPoints[1].level", "TEAM").param("learningPoints[1].skill", "DE_ESCALATION")
                        .param("learningPoints[1].text", "Eerder de-escaleren")
                        .param("measures[0].actionId", measureId).param("measures[0].description", "Tweede balie")
                        .param("measures[0].owner", users.leader.getUsername()).param("measures[0].dueAt", inDays(30))
                        .param("measures[1].actionId", UUID.randomUUID().toString())
                        .param("measures[1].description", "").param("measures[1].owner", "")
                        .param("measures[1].dueAt", ""))
                .andExpect(redirectedUrl("/incidents/" + id + "/recorded"));
        assertThat(events("nl.veiligwerken.api.analysis.IncidentAnalysedEvent")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from eventstore.domain_event_entry "
                        + "where aggregate_identifier = ? and payload_type = ?", String.class, id,
                "nl.veiligwerken.api.followup.FollowUpActionPlannedEvent"))
                .as("the one measure that was filled in became an action, with the id its row was made with")
                .contains(measureId).contains("PREVENTIVE_MEASURE");
        assertThat((Integer) JsonPath.read(jdbc.queryForObject("select convert_from(payload, 'UTF8') from "
                        + "eventstore.domain_event_entry where aggregate_identifier = ? and payload_type = ?",
                String.class, id, "nl.veiligwerken.api.analysis.IncidentAnalysedEvent"), "$.learningPoints.length()"))
                .isEqualTo(1);
    }

    @Test
    void labourInspectoratePageRecordsTheNotification() throws Exception {
        mvc.perform(get("/incidents/" + id + "/labour-inspectorate").with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Melding aan de Arbeidsinspectie</title>")));
        mvc.perform(form("labour-inspectorate", users.leader).param("notifiedAt", "2020-01-01T10:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dit tijdstip ligt voor het incident."),
                        containsString("id=\"notifiedAt-error\""))));
        mvc.perform(form("labour-inspectorate", users.leader).param("notifiedAt", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vul in wanneer de melding gedaan is.")));
        refusedToStrangersAndWithoutToken("labour-inspectorate", "notifiedAt", now());

        mvc.perform(form("labour-inspectorate", users.leader).param("notifiedAt", now()).param("reference", "NLA-2026-1"))
                .andExpect(redirectedUrl(tasksSeen()));
        assertThat(events("nl.veiligwerken.api.followup.LabourInspectorateNotifiedEvent")).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder api(String step, VwUser person, String json) {
        return post("/api/incidents/" + id + "/" + step).with(user(person)).contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    private String firstSupportJson() {
        return "{\"expectedVersion\":" + version() + ",\"offeredAt\":\"" + now() + "\",\"response\":\"ACCEPTED\"}";
    }

    private String peerSupporterJson(String peerSupporter) {
        return "{\"expectedVersion\":" + version() + ",\"peerSupporter\":\"" + peerSupporter + "\"}";
    }

    @Test
    void aLeaderAssignsAPeerSupporterOnTheFirstSupportPageWhoThenRecordsIt() throws Exception {
        String page = "/incidents/" + id + "/first-support";
        mvc.perform(get(page).with(user(users.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<h2>Opvangcollega toewijzen</h2>"),
                        containsString(">Bram Test</option>"),
                        // only the team's peer supporters are offered
                        not(containsString(">Fatima Test</option>")),
                        not(containsString("Toegewezen opvangcollega")))));
        mvc.perform(form("peer-supporter", users.leader).param("peerSupporter", users.colleague.getUsername()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Kies een opvangcollega uit het team."),
                        containsString("aria-describedby=\"peerSupporter-error\""))));
        mvc.perform(form("peer-supporter", users.leader).param("peerSupporter", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een opvangcollega.")));
        mvc.perform(form("peer-supporter", users.staff).param("peerSupporter", users.peerSupporter.getUsername()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/" + id + "/peer-supporter").with(user(users.leader))
                        .param("expectedVersion", String.valueOf(version()))
                        .param("peerSupporter", users.peerSupporter.getUsername()))
                .andExpect(status().isForbidden());

        Cookie[] session = mvc.perform(form("peer-supporter", users.leader)
                        .param("peerSupporter", users.peerSupporter.getUsername()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("peerSupporterAssigned", true))
                .andReturn().getResponse().getCookies();
        assertThat(events("nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent")).isEqualTo(1);
        // the flash message lives in the (JDBC) session until the page it was redirected to shows it
        assertThat(session).isNotEmpty();
        mvc.perform(get(page).with(user(users.leader)).cookie(session))
                .andExpect(content().string(allOf(containsString("De opvangcollega is toegewezen."),
                        containsString("Toegewezen opvangcollega: Bram Test"))));
        mvc.perform(form("peer-supporter", users.leader).param("peerSupporter", users.peerSupporter.getUsername()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Deze opvangcollega is al toegewezen.")));

        // the peer supporter opens the page (without the leader's form) and records first support there
        mvc.perform(get(page).with(user(users.peerSupporter)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Toegewezen opvangcollega: Bram Test"),
                        containsString("name=\"offeredAt\""), not(containsString("Opvangcollega toewijzen")))));
        mvc.perform(form("first-support", users.peerSupporter).param("offeredAt", now()).param("response", "ACCEPTED"))
                .andExpect(redirectedUrl("/incidents/" + id + "/recorded"));
        assertThat(events("nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent")).isEqualTo(1);
        mvc.perform(form("peer-supporter", users.leader).param("peerSupporter", users.peerSupporter.getUsername()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Een opvangcollega toewijzen kan niet meer.")));
    }

    @Test
    void aLeaderAssignsAPeerSupporterThroughTheApiWhoThenRecordsFirstSupport() throws Exception {
        VwUser otherPeer = new VwUser("peer2-" + users.team.value(), "Bo Test", "bo@example.test", "{noop}x", true,
                Set.of(Role.PEER_SUPPORTER, Role.STAFF), Set.of(users.team), Set.of());
        VwUser strangerPeer = new VwUser("peer-" + users.otherTeam.value(), "Els Test", "els@example.test", "{noop}x",
                true, Set.of(Role.PEER_SUPPORTER, Role.STAFF), Set.of(users.otherTeam), Set.of());
        directory.saveAccount(strangerPeer.getUsername(), strangerPeer.displayName(), strangerPeer.email(), "{noop}x",
                strangerPeer.roles(), strangerPeer.memberOf(), strangerPeer.leads());

        mvc.perform(api("peer-supporter", users.leader, peerSupporterJson(strangerPeer.getUsername())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("peerSupporter")));
        mvc.perform(api("peer-supporter", users.leader, peerSupporterJson(users.colleague.getUsername())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Kies een opvangcollega uit het team."));
        mvc.perform(api("peer-supporter", users.staff, peerSupporterJson(users.peerSupporter.getUsername())))
                .andExpect(status().isForbidden());
        mvc.perform(api("peer-supporter", users.otherLeader, peerSupporterJson(users.peerSupporter.getUsername())))
                .andExpect(status().isForbidden());
        // not assigned yet: under the default agreements first support is the leader's
        mvc.perform(api("first-support", users.peerSupporter, firstSupportJson())).andExpect(status().isForbidden());

        long before = version();
        mvc.perform(api("peer-supporter", users.leader, peerSupporterJson(users.peerSupporter.getUsername())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.incidentId").value(id))
                .andExpect(jsonPath("$.version").value(before + 1));
        mvc.perform(api("peer-supporter", users.leader, peerSupporterJson(users.peerSupporter.getUsername())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("Deze opvangcollega is al toegewezen."));

        mvc.perform(api("first-support", otherPeer, firstSupportJson())).andExpect(status().isForbidden());
        mvc.perform(api("first-support", strangerPeer, firstSupportJson())).andExpect(status().isForbidden());
        // a peer supporter of another team does not even open the incident's pages
        mvc.perform(get("/incidents/" + id + "/first-support").with(user(strangerPeer))).andExpect(status().isForbidden());
        mvc.perform(get("/incidents/" + id + "/aftercare").with(user(strangerPeer))).andExpect(status().isForbidden());
        mvc.perform(api("first-support", users.peerSupporter, firstSupportJson()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(before + 3));
        assertThat(new StoredEvents(eventStore, jsonMapper).json(id,
                "nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent").get(0))
                .contains("\"recordedBy\":\"" + users.peerSupporter.getUsername() + "\"");
        assertThat(events("nl.veiligwerken.api.protocol.TaskCompletedEvent")).isEqualTo(1);
    }

    @Test
    void aTeamWithoutPeerSupportersShowsAHintInsteadOfTheAssignmentForm() throws Exception {
        CommandTestUsers lonely = new CommandTestUsers(directory);
        String lonelyId = lonely.report(mvc, "Schold");
        mvc.perform(get("/incidents/" + lonelyId + "/first-support").with(user(lonely.leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Dit team heeft geen opvangcollega."),
                        not(containsString("name=\"peerSupporter\"")))));
        mvc.perform(post("/api/incidents/no-such-incident/peer-supporter").with(user(users.leader))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expectedVersion\":1,\"peerSupporter\":\"x\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUnknownIncidentIsNotFoundOnEveryPage() throws Exception {
        for (String page : new String[]{"aftercare", "aggressor-response", "actions", "feedback", "analysis",
                "labour-inspectorate"}) {
            mvc.perform(get("/incidents/no-such-incident/" + page).with(user(users.leader)))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/api/incidents/no-such-incident/" + page).with(user(users.leader))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"expectedVersion\":1}"))
                    .andExpect(status().isNotFound());
        }
    }
}
