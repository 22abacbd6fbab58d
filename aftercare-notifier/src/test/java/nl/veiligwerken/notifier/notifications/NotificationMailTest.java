package nl.veiligwerken.notifier.notifications;

import nl.veiligwerken.notifier.recipients.Recipients;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.notifier.NotifierProperties;
import nl.veiligwerken.platform.OrganisationTime;
import nl.veiligwerken.platform.PlatformProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.SimpleMailMessage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationMailTest {

    private static final NotifierProperties PROPERTIES = new NotifierProperties("noreply@test.local",
            new NotifierProperties.Mail(Duration.ofSeconds(2), 20, Duration.ofSeconds(10), Duration.ofMinutes(15),
                    Duration.ofMinutes(5)),
            new NotifierProperties.Events(3, Duration.ofMillis(200), 3, 1, Duration.ofSeconds(30), 3));

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Instant NOW = Instant.parse("2025-06-03T10:00:00Z");
    private static final String INCIDENT = "incident-42";
    private static final String TASK = "incident-42:action-a7";

    private static final PlatformProperties PLATFORM = new PlatformProperties(List.of("identity"),
            new PlatformProperties.Links("http://command.test", "http://query.test", "http://notifier.test"),
            AMSTERDAM);

    private final NotificationMail mails = new NotificationMail(messages(), PROPERTIES, new NotificationLinks(PLATFORM),
            new OrganisationTime(AMSTERDAM, Clock.systemUTC()), username -> java.util.Optional.empty());

    @Test
    void dutchMailNamesTheTaskAndDueTimeInAmsterdamAndLinksToTheTaskList() {
        SimpleMailMessage mail = mails.compose(taskScheduled("nl", Instant.parse("2025-06-03T12:30:00Z")));

        assertThat(mail.getTo()).containsExactly("mark@test.local");
        assertThat(mail.getFrom()).isEqualTo("noreply@test.local");
        assertThat(mail.getSubject()).isEqualTo("Nieuwe taak: collegiale eerste opvang");
        assertThat(mail.getText())
                .contains("Beste Mark Jansen")
                .contains("team Ambulant team Noord")
                .contains("3 juni 2025")
                .contains("14:30") // 12:30 UTC is 14:30 summer time in Amsterdam
                .contains("http://query.test/tasks?team=ambulant%20noord")
                .doesNotContain("incident-42")
                .doesNotContain("task-7");
    }

    @Test
    void englishMailForAnEnglishSpeakingRecipient() {
        SimpleMailMessage mail = mails.compose(taskScheduled("en", Instant.parse("2025-01-10T08:00:00Z")));

        assertThat(mail.getSubject()).isEqualTo("New task: collegial first support");
        assertThat(mail.getText()).contains("Dear Mark Jansen").contains("January 10, 2025").contains("9:00");
    }

    /** Every kind has a mail in both languages that addresses the person and leads somewhere, quoting nothing. */
    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasAMailInBothLanguagesWithALinkAndWithoutIds(NotificationKind kind) {
        for (String language : List.of("nl", "en")) {
            SimpleMailMessage mail = mails.compose(example(kind, language));

            assertThat(mail.getSubject()).as(kind + " " + language).isNotBlank().doesNotContain("{").doesNotContain(INCIDENT);
            assertThat(mail.getText()).as(kind + " " + language)
                    .startsWith("nl".equals(language) ? "Beste Mark Jansen" : "Dear Mark Jansen")
                    .contains("http://")
                    .doesNotContain("{")
                    .doesNotContain("a7")
                    .doesNotContain("null")
                    .endsWith("Veilig Werken");
            // the incident id appears only inside a link to its page, never as text of its own
            assertThat(mail.getText().replaceAll("http://\\S+", "")).doesNotContain(INCIDENT);
        }
    }

    @Test
    void aNewSeriousIncidentIsMarkedUrgentAndLinksToTheIncidentPage() {
        Notification n = Notification.of(NotificationKind.NEW_INCIDENT, "e", mark("nl"), LinkTarget.INCIDENT, NOW)
                .aboutTeam("noord", "Ambulant team Noord").aboutIncident(INCIDENT).urgent(true);

        SimpleMailMessage mail = mails.compose(n);

        assertThat(mail.getSubject()).isEqualTo("Dringend: Nieuw incident gemeld voor team Ambulant team Noord");
        assertThat(mail.getText()).contains("http://query.test/incidents/incident-42")
                .contains("Dit bericht bevat bewust geen gegevens over het incident.");
    }

    @Test
    void aCheckInReminderNamesTheColleagueButLeavesHowTheTalkWentBehindSignIn() {
        Notification n = Notification.of(NotificationKind.CHECK_IN_DUE, "e", mark("nl"), LinkTarget.TASK_LIST, NOW)
                .aboutTeam("noord", "Ambulant team Noord").aboutIncident(INCIDENT)
                .aboutTask(INCIDENT + ":first-check-in", ProtocolStep.FIRST_CHECK_IN, Instant.parse("2025-06-17T10:00:00Z"))
                .aboutCheckIn("Sanne de Vries", AftercareSignal.NEEDS_MORE_HELP);

        SimpleMailMessage dutch = mails.compose(n);
        assertThat(dutch.getSubject()).isEqualTo("Herinnering: de eerste check-in (nazorg)");
        assertThat(dutch.getText()).contains("de eerste check-in (nazorg) met Sanne de Vries")
                .contains("17 juni 2025")
                .contains("Hoe het vorige gesprek ging, ziet u bij uw berichten")
                .doesNotContain("meer hulp");

        SimpleMailMessage english = mails.compose(Notification.of(NotificationKind.CHECK_IN_DUE, "e", mark("en"),
                        LinkTarget.TASK_LIST, NOW).aboutTeam("noord", "Team North").aboutIncident(INCIDENT)
                .aboutTask("t", ProtocolStep.SECOND_CHECK_IN, NOW).aboutCheckIn("Sanne de Vries", AftercareSignal.DECLINED));
        assertThat(english.getSubject()).isEqualTo("Reminder: the second check-in (aftercare)");
        assertThat(english.getText()).contains("with Sanne de Vries").doesNotContain("declined");
    }

    @Test
    void eachRecipientIsLedToAPageTheyMayOpen() {
        NotificationLinks links = new NotificationLinks(PLATFORM);
        Recipients.Recipient someone = mark("nl");

        assertThat(links.of(Notification.of(NotificationKind.TASK_ESCALATED, "e", someone, LinkTarget.COMPLIANCE, NOW)
                .aboutTeam("noord", "Noord").aboutIncident(INCIDENT)))
                .isEqualTo("http://query.test/compliance?team=noord");
        assertThat(links.of(Notification.of(NotificationKind.TASK_SCHEDULED, "e", someone, LinkTarget.STEP_FORM, NOW)
                .aboutIncident(INCIDENT).aboutTask(TASK, ProtocolStep.FOLLOW_UP_ACTION, NOW)))
                .isEqualTo("http://command.test/incidents/incident-42/actions/a7/complete");
        assertThat(links.of(Notification.of(NotificationKind.PEER_SUPPORT_ASSIGNED, "e", someone, LinkTarget.STEP_FORM, NOW)
                .aboutIncident(INCIDENT).aboutTask(null, ProtocolStep.FIRST_SUPPORT, null)))
                .isEqualTo("http://command.test/incidents/incident-42/first-support");
        assertThat(links.of(Notification.of(NotificationKind.FEEDBACK_GIVEN, "e", someone, LinkTarget.MY_REPORTS, NOW)
                .aboutIncident(INCIDENT))).isEqualTo("http://query.test/my-reports");
    }

    @Test
    void theLanguageAPersonChoseForTheirMailsWinsOverTheirAccounts() {
        NotificationMail chosen = new NotificationMail(messages(), PROPERTIES, new NotificationLinks(PLATFORM),
                new OrganisationTime(AMSTERDAM, Clock.systemUTC()),
                username -> java.util.Optional.of("en").filter(l -> username.equals("mark")));

        assertThat(chosen.compose(taskScheduled("nl", Instant.parse("2025-01-10T08:00:00Z"))).getSubject())
                .isEqualTo("New task: collegial first support");
    }

    @Test
    void retriesWaitLongerEachTimeUpToTheMaximum() {
        MailOutbox outbox = new MailOutbox(null, mails, null, null, null, PROPERTIES, null, null);

        assertThat(outbox.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(outbox.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(outbox.backoff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(outbox.backoff(50)).isEqualTo(Duration.ofMinutes(15));
    }

    /** A notification of each kind as the rules make it; feedback without a team, as it may come. */
    private static Notification example(NotificationKind kind, String language) {
        Instant due = Instant.parse("2025-06-04T10:00:00Z");
        Notification n = Notification.of(kind, "event-1", mark(language), switch (kind) {
            case NEW_INCIDENT -> LinkTarget.INCIDENT;
            case PEER_SUPPORT_ASSIGNED -> LinkTarget.STEP_FORM;
            case FEEDBACK_GIVEN -> LinkTarget.MY_REPORTS;
            case TASK_ESCALATED -> LinkTarget.COMPLIANCE;
            default -> LinkTarget.TASK_LIST;
        }, NOW).aboutIncident(INCIDENT);
        return switch (kind) {
            case NEW_INCIDENT -> n.aboutTeam("noord", "Ambulant team Noord");
            case PEER_SUPPORT_ASSIGNED -> n.aboutTeam("noord", "Ambulant team Noord")
                    .aboutTask(null, ProtocolStep.FIRST_SUPPORT, due).urgent(true);
            case FEEDBACK_GIVEN -> n;
            case CHECK_IN_DUE -> n.aboutTeam("noord", "Ambulant team Noord")
                    .aboutTask(TASK, ProtocolStep.FIRST_CHECK_IN, due).aboutCheckIn("Sanne de Vries", AftercareSignal.HELD);
            default -> n.aboutTeam("noord", "Ambulant team Noord").aboutTask(TASK, ProtocolStep.AGGRESSOR_RESPONSE, due);
        };
    }

    private static Recipients.Recipient mark(String language) {
        return new Recipients.Recipient("mark", "Mark Jansen", "mark@test.local", language);
    }

    private static Notification taskScheduled(String language, Instant dueAt) {
        return Notification.taskScheduled("event-1", mark(language),
                "ambulant noord", "Ambulant team Noord", "incident-42", "task-7", ProtocolStep.FIRST_SUPPORT,
                dueAt, NOW);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/platform", "messages/notifier");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
