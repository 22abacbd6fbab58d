package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.protocol.AdoptProtocolAgreementCommand;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.ProtocolAgreementAdoptedEvent;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.command.incident.IncidentForbiddenException;
import nl.veiligwerken.command.protocol.AgreementRules.Problem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static nl.veiligwerken.api.protocol.AdoptProtocolAgreementCommand.ORGANISATION;

class ProtocolAgreementsTest {

    private static final Instant FIRST_START = Instant.parse("2026-11-01T08:00:00Z");
    private static final Instant ADOPTED = Instant.parse("2026-12-01T09:30:00Z");
    private static final TeamId TEAM = new TeamId("ambulant-noord");

    private static final Actor SYSTEM = new Actor(ProtocolAgreements.SYSTEM, Set.of(), Set.of(), Set.of());
    private static final Actor PREVENTION_OFFICER = new Actor("petra", Set.of(Role.PREVENTION_OFFICER), Set.of(), Set.of());
    private static final Actor LEADER = new Actor("mark", Set.of(Role.TEAM_LEADER), Set.of(TEAM), Set.of(TEAM));
    private static final Actor ADMIN = new Actor("beheer", Set.of(Role.ADMIN, Role.MANAGEMENT), Set.of(), Set.of());

    private AggregateTestFixture<ProtocolAgreements> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProtocolAgreements.class);
    }

    /** The defaults with first support due within 4 hours. */
    private static List<StepAgreement> quickerFirstSupport() {
        return DefaultAgreement.steps().stream()
                .map(s -> s.step() != ProtocolStep.FIRST_SUPPORT ? s : new StepAgreement(s.step(), s.requiredFrom(),
                        s.requiredForKinds(), Role.PEER_SUPPORTER, DueTime.hours(4), s.escalateTo()))
                .toList();
    }

    private static ProtocolAgreementAdoptedEvent version1() {
        return new ProtocolAgreementAdoptedEvent(ORGANISATION, 1, Instant.EPOCH, DefaultAgreement.steps(),
                DefaultAgreement.RETENTION_YEARS, ProtocolAgreements.SYSTEM);
    }

    private static ProtocolAgreementAdoptedEvent version2() {
        return new ProtocolAgreementAdoptedEvent(ORGANISATION, 2, ADOPTED, quickerFirstSupport(), 7, "petra");
    }

    @Test
    void theSystemAdoptsTheDefaultsAsVersion1InForceFromTheStart() {
        fixture.givenNoPriorActivity()
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 0, DefaultAgreement.steps(),
                        DefaultAgreement.RETENTION_YEARS, SYSTEM, FIRST_START))
                .expectSuccessfulHandlerExecution()
                .expectEvents(version1())
                .expectResultMessagePayload(1);
    }

    @Test
    void aPreventionOfficerAdoptsANewVersionInForceFromWhenItIsAdopted() {
        fixture.given(version1())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, quickerFirstSupport(), 7,
                        PREVENTION_OFFICER, ADOPTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(version2())
                .expectResultMessagePayload(2);
    }

    @Test
    void aVersionAddsToTheLineAndNeverReplacesOne() {
        fixture.given(version1(), version2())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 2, DefaultAgreement.steps(), 5,
                        PREVENTION_OFFICER, ADOPTED.plusSeconds(3600)))
                .expectEvents(new ProtocolAgreementAdoptedEvent(ORGANISATION, 3, ADOPTED.plusSeconds(3600),
                        DefaultAgreement.steps(), 5, "petra"))
                .expectResultMessagePayload(3);
    }

    @Test
    void theFirstVersionIsInForceFromTheStartWhoeverAdoptsIt() {
        fixture.givenNoPriorActivity()
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 0, quickerFirstSupport(), 7,
                        PREVENTION_OFFICER, ADOPTED))
                .expectEvents(new ProtocolAgreementAdoptedEvent(ORGANISATION, 1, Instant.EPOCH, quickerFirstSupport(), 7,
                        "petra"));
    }

    @Test
    void cannotAdoptAVersionEditedFromOneThatWasReplacedMeanwhile() {
        fixture.given(version1(), version2())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, DefaultAgreement.steps(), 5,
                        PREVENTION_OFFICER, ADOPTED.plusSeconds(60)))
                .expectNoEvents()
                .expectException(ProtocolChangedMeanwhileException.class);
    }

    @Test
    void theDefaultsAreNotAdoptedTwice() {
        fixture.given(version1())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 0, DefaultAgreement.steps(),
                        DefaultAgreement.RETENTION_YEARS, SYSTEM, FIRST_START.plusSeconds(5)))
                .expectNoEvents()
                .expectException(ProtocolChangedMeanwhileException.class);
    }

    @Test
    void onlyAPreventionOfficerAdoptsAgreements() {
        for (Actor someoneElse : List.of(LEADER, ADMIN)) {
            fixture.given(version1())
                    .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, quickerFirstSupport(), 7, someoneElse,
                            ADOPTED))
                    .expectNoEvents()
                    .expectException(IncidentForbiddenException.class)
                    .expectExceptionMessage("protocol.rejected.notPreventionOfficer");
        }
    }

    @Test
    void theSystemAdoptsOnlyTheFirstVersion() {
        fixture.given(version1())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, quickerFirstSupport(), 7, SYSTEM, ADOPTED))
                .expectNoEvents()
                .expectException(IncidentForbiddenException.class);
    }

    @Test
    void cannotAdoptAgreementsThatBreakTheRules() {
        List<StepAgreement> steps = DefaultAgreement.steps().stream()
                .filter(s -> s.step() != ProtocolStep.AGGRESSOR_RESPONSE)
                .map(s -> s.step() != ProtocolStep.FEEDBACK ? s : new StepAgreement(s.step(), s.requiredFrom(),
                        s.requiredForKinds(), s.assignee(), DueTime.workingDays(0), s.escalateTo()))
                .toList();

        fixture.given(version1())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, steps, 31, PREVENTION_OFFICER, ADOPTED))
                .expectNoEvents()
                .expectException(new ProblemsMatcher(List.of(
                        new Problem(ProtocolStep.AGGRESSOR_RESPONSE, "steps", "protocol.rejected.stepMissing"),
                        new Problem(ProtocolStep.FEEDBACK, "amount", "protocol.rejected.amountOutOfRange"),
                        new Problem(null, "retentionYears", "protocol.rejected.retentionYears"))));
    }

    @Test
    void cannotAdoptAVersionWithoutSteps() {
        fixture.given(version1())
                .when(new AdoptProtocolAgreementCommand(ORGANISATION, 1, null, 5, PREVENTION_OFFICER, ADOPTED))
                .expectNoEvents()
                .expectException(ProtocolRejectedException.class);
    }

    /** A ProtocolRejectedException naming exactly these problems, in any order. */
    private static final class ProblemsMatcher extends TypeSafeMatcher<ProtocolRejectedException> {

        private final List<Problem> expected;

        ProblemsMatcher(List<Problem> expected) {
            this.expected = expected;
        }

        @Override
        protected boolean matchesSafely(ProtocolRejectedException exception) {
            return exception.problems().size() == expected.size() && exception.problems().containsAll(expected);
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("protocol refused with problems ").appendValue(expected);
        }

        @Override
        protected void describeMismatchSafely(ProtocolRejectedException exception, Description description) {
            description.appendText("had problems ").appendValue(exception.problems());
        }
    }
}
