package nl.veiligwerken.command.publishing;

import nl.veiligwerken.api.IncidentId;
import nl.veiligwerken.api.PublishedEventType;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TaskId;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.aftercare.AftercareTalkNotice;
import nl.veiligwerken.api.aftercare.AftercareTalkRecordedEvent;
import nl.veiligwerken.api.aftercare.Referral;
import nl.veiligwerken.api.feedback.FeedbackGivenEvent;
import nl.veiligwerken.api.feedback.FeedbackGivenNotice;
import nl.veiligwerken.api.firstsupport.FirstSupportOfferedEvent;
import nl.veiligwerken.api.firstsupport.FirstSupportResponse;
import nl.veiligwerken.api.firstsupport.PeerSupporterAssignedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.TaskCompletedEvent;
import nl.veiligwerken.api.protocol.TaskOverdueEvent;
import nl.veiligwerken.api.protocol.TaskScheduledEvent;
import nl.veiligwerken.api.protocol.TaskWithdrawnEvent;
import nl.veiligwerken.api.reporting.AggressionKind;
import nl.veiligwerken.api.reporting.Aggressor;
import nl.veiligwerken.api.reporting.IncidentReportedEvent;
import nl.veiligwerken.api.reporting.IncidentReportedNotice;
import nl.veiligwerken.api.reporting.Injury;
import nl.veiligwerken.api.reporting.Setting;
import nl.veiligwerken.api.reporting.Severity;
import nl.veiligwerken.api.retention.PersonalDataErasedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class PublishedMessagesTest {

    private static final IncidentId ID = new IncidentId("i-1");
    private static final TeamId TEAM = new TeamId("t-1");
    private static final Instant AT = Instant.parse("2026-11-23T09:00:00Z");
    private static final TaskId TASK = new TaskId("i-1:feedback");

    /** The JsonMapper the publisher is given: Spring Boot's, configured as in the running service. */
    private static JsonMapper json;

    private final List<IncidentId> lookedUp = new ArrayList<>();
    /** The command side's lookup table, as far as the publisher asks it: the team of an incident. */
    private final Function<IncidentId, TeamId> lookup = incident -> {
        lookedUp.add(incident);
        return new TeamId("from-lookup");
    };

    private final IncidentReportedEvent reported = new IncidentReportedEvent(ID, TEAM,
            "sanne", AT, Instant.parse("2026-11-23T08:00:00Z"), Setting.OFFICE,
            Set.of(AggressionKind.THREAT), Severity.MINOR, "Noemde de cliënt Jan bij naam", true, "fatima",
            Aggressor.CLIENT, "CL-4711", Set.of(Injury.HOSPITAL_ADMISSION), true, 1);

    @BeforeAll
    static void theServicesJsonMapper() {
        AtomicReference<JsonMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> mapper.set(context.getBean(JsonMapper.class)));
        json = mapper.get();
    }

    private PublishedMessages.Published published(Object event) {
        return PublishedMessages.of(event, lookup).orElseThrow();
    }

    private static String json(PublishedMessages.Published published) {
        return json.writeValueAsString(published.payload());
    }

    @Test
    void aReportLeavesWithoutWhatHappened() {
        PublishedMessages.Published published = published(reported);
        assertThat(published.type()).isEqualTo(PublishedEventType.INCIDENT_REPORTED);
        assertThat(published.incidentId()).isEqualTo("i-1");
        assertThat(published.payload()).isInstanceOf(IncidentReportedNotice.class);
        assertThat(json(published)).doesNotContain("Jan").doesNotContain("description").doesNotContain("CL-4711")
                .doesNotContain("fatima").doesNotContain("HOSPITAL")
                .contains("\"incidentId\":\"i-1\"").contains("\"reportedAt\":\"2026-11-23T09:00:00Z\"");
    }

    @Test
    void theTaskEventsLeaveAsTheyAre() {
        TaskScheduledEvent scheduled = new TaskScheduledEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, Role.TEAM_LEADER, AT,
                AT.plusSeconds(60), null);
        TaskCompletedEvent completed = new TaskCompletedEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT, AT, false);
        TaskWithdrawnEvent withdrawn = new TaskWithdrawnEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT);
        TaskOverdueEvent overdue = new TaskOverdueEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT, Role.TEAM_LEADER, null,
                Role.PREVENTION_OFFICER);

        assertThat(published(scheduled)).isEqualTo(new PublishedMessages.Published(PublishedEventType.TASK_SCHEDULED, "i-1", scheduled));
        assertThat(published(completed)).isEqualTo(new PublishedMessages.Published(PublishedEventType.TASK_COMPLETED, "i-1", completed));
        assertThat(published(withdrawn)).isEqualTo(new PublishedMessages.Published(PublishedEventType.TASK_WITHDRAWN, "i-1", withdrawn));
        assertThat(published(overdue)).isEqualTo(new PublishedMessages.Published(PublishedEventType.TASK_OVERDUE, "i-1", overdue));
        assertThat(json(published(overdue))).contains("\"assigneeRole\":\"TEAM_LEADER\"", "\"assignee\":null",
                "\"escalateTo\":\"PREVENTION_OFFICER\"", "\"teamId\":\"t-1\"", "\"taskId\":\"i-1:feedback\"");
        assertThat(lookedUp).as("every task event names its team").isEmpty();
    }

    @Test
    void anAssignedPeerSupporterLeavesAsItIs() {
        PeerSupporterAssignedEvent assigned = new PeerSupporterAssignedEvent(ID, TEAM, "bram", "mark", AT);
        assertThat(published(assigned))
                .isEqualTo(new PublishedMessages.Published(PublishedEventType.PEER_SUPPORTER_ASSIGNED, "i-1", assigned));
        assertThat(json(published(assigned))).contains("\"peerSupporter\":\"bram\"", "\"teamId\":\"t-1\"");
    }

    @Test
    void feedbackLeavesAsANoticeWithoutItsText() {
        FeedbackGivenEvent feedback = new FeedbackGivenEvent(ID, "sanne", "De cliënt kreeg een waarschuwingsbrief",
                "mark", AT, TEAM);

        PublishedMessages.Published published = published(feedback);

        assertThat(published).isEqualTo(new PublishedMessages.Published(PublishedEventType.FEEDBACK_GIVEN, "i-1",
                new FeedbackGivenNotice(ID, TEAM, "sanne", "mark", AT)));
        assertThat(json(published)).doesNotContain("waarschuwingsbrief").doesNotContain("message")
                .contains("\"reporter\":\"sanne\"", "\"teamId\":\"t-1\"", "\"givenAt\":\"2026-11-23T09:00:00Z\"");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void anAftercareTalkLeavesAsANoticeWithoutItsReferrals() {
        AftercareTalkRecordedEvent talk = new AftercareTalkRecordedEvent(ID, ProtocolStep.AFTERCARE_TALK, "sanne", AT,
                AftercareOutcome.HELD, true, EnumSet.allOf(Referral.class), "mark", AT.plusSeconds(3600), TEAM);

        PublishedMessages.Published published = published(talk);

        assertThat(published).isEqualTo(new PublishedMessages.Published(PublishedEventType.AFTERCARE_TALK_RECORDED, "i-1",
                new AftercareTalkNotice(ID, TEAM, ProtocolStep.AFTERCARE_TALK, "sanne", AT, AftercareOutcome.HELD, true)));
        String text = json(published);
        assertThat(text).doesNotContain("referrals").doesNotContain("recordedBy");
        for (Referral referral : Referral.values()) {
            assertThat(text).doesNotContain(referral.name());
        }
        assertThat(text).contains("\"colleague\":\"sanne\"", "\"needsMoreHelp\":true", "\"outcome\":\"HELD\"");
        assertThat(lookedUp).isEmpty();
    }

    @Test
    void feedbackAndTalksStoredBeforeTheyNamedTheirTeamGetItFromTheLookup() {
        FeedbackGivenEvent feedback = new FeedbackGivenEvent(ID, "sanne", "Gedaan", "mark", AT);
        AftercareTalkRecordedEvent talk = new AftercareTalkRecordedEvent(ID, null, "sanne", AT, AftercareOutcome.DECLINED,
                false, Set.of(), "mark", AT);

        assertThat(((FeedbackGivenNotice) published(feedback).payload()).teamId()).isEqualTo(new TeamId("from-lookup"));
        assertThat(((AftercareTalkNotice) published(talk).payload()).teamId()).isEqualTo(new TeamId("from-lookup"));
        assertThat(lookedUp).containsExactly(ID, ID);
    }

    @Test
    void olderStoredEventsWithoutATeamStillRead() {
        FeedbackGivenEvent feedback = json.readValue("""
                {"incidentId":"i-1","reporter":"sanne","message":"Gedaan","givenBy":"mark","givenAt":"2026-11-23T09:00:00Z"}""",
                FeedbackGivenEvent.class);
        AftercareTalkRecordedEvent talk = json.readValue("""
                {"incidentId":"i-1","step":"AFTERCARE_TALK","colleague":"sanne","heldAt":"2026-11-23T09:00:00Z",
                 "outcome":"HELD","needsMoreHelp":false,"referrals":["PSYCHOLOGIST"],"recordedBy":"mark",
                 "recordedAt":"2026-11-23T09:00:00Z"}""", AftercareTalkRecordedEvent.class);

        assertThat(feedback).isEqualTo(new FeedbackGivenEvent(ID, "sanne", "Gedaan", "mark", AT, null));
        assertThat(talk.teamId()).isNull();
        assertThat(talk.referrals()).containsExactly(Referral.PSYCHOLOGIST);
        assertThat(json.readValue(json.writeValueAsString(new FeedbackGivenEvent(ID, "sanne", "Gedaan", "mark", AT, TEAM)),
                FeedbackGivenEvent.class).teamId()).isEqualTo(TEAM);
    }

    @Test
    void theErasureOfAnIncidentsPersonalDataLeavesAsItIs() {
        PersonalDataErasedEvent erased = new PersonalDataErasedEvent(ID, TEAM, AT);
        assertThat(published(erased))
                .isEqualTo(new PublishedMessages.Published(PublishedEventType.PERSONAL_DATA_ERASED, "i-1", erased));
        assertThat(json(published(erased))).isEqualTo("""
                {"incidentId":"i-1","teamId":"t-1","erasedAt":"2026-11-23T09:00:00Z"}""");
    }

    @Test
    void eventsNobodyElseNeedsStayInside() {
        assertThat(PublishedMessages.of("something else", lookup)).isEmpty();
        assertThat(PublishedMessages.of(new FirstSupportOfferedEvent(ID, "bram", AT, FirstSupportResponse.ACCEPTED,
                "mark", AT), lookup)).isEmpty();
    }

    @Test
    void everyPublishedTypeIsMappedFromSomeEvent() {
        Set<PublishedEventType> mapped = EnumSet.noneOf(PublishedEventType.class);
        for (Object event : List.of(reported,
                new TaskScheduledEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, Role.TEAM_LEADER, AT, AT, null),
                new TaskCompletedEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT, AT, false),
                new TaskWithdrawnEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT),
                new TaskOverdueEvent(TASK, ID, TEAM, ProtocolStep.FEEDBACK, AT, null, null, null),
                new PeerSupporterAssignedEvent(ID, TEAM, "bram", "mark", AT),
                new FeedbackGivenEvent(ID, "sanne", "x", "mark", AT, TEAM),
                new AftercareTalkRecordedEvent(ID, null, "sanne", AT, AftercareOutcome.HELD, false, Set.of(), "mark", AT, TEAM),
                new PersonalDataErasedEvent(ID, TEAM, AT))) {
            PublishedMessages.Published published = published(event);
            assertThat(published.payload()).as(published.type().name())
                    .isInstanceOf(published.type().payloadType());
            mapped.add(published.type());
        }
        assertThat(mapped).containsExactlyInAnyOrder(PublishedEventType.values());
    }
}
