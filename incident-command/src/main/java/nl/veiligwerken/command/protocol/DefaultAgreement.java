package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.protocol.DueTime;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.reporting.Severity;

import java.util.List;
import java.util.Set;

import static nl.veiligwerken.api.protocol.ProtocolStep.AFTERCARE_TALK;
import static nl.veiligwerken.api.protocol.ProtocolStep.AGGRESSOR_RESPONSE;
import static nl.veiligwerken.api.protocol.ProtocolStep.FEEDBACK;
import static nl.veiligwerken.api.protocol.ProtocolStep.FIRST_CHECK_IN;
import static nl.veiligwerken.api.protocol.ProtocolStep.FIRST_SUPPORT;
import static nl.veiligwerken.api.protocol.ProtocolStep.INCIDENT_ANALYSIS;
import static nl.veiligwerken.api.protocol.ProtocolStep.LABOUR_INSPECTORATE;
import static nl.veiligwerken.api.protocol.ProtocolStep.SECOND_CHECK_IN;

/** Version 1 of the agreements: the defaults of domain.md, each with the source it comes from. */
public final class DefaultAgreement {

    public static final int RETENTION_YEARS = 5;

    private DefaultAgreement() {
    }

    public static List<StepAgreement> steps() {
        return List.of(
                // method pillar 4 and peer-support practice: offered to everyone, within a day
                new StepAgreement(FIRST_SUPPORT, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.hours(24), Role.MANAGEMENT),
                // public-sector aftercare guidance: a first talk within 72 hours
                new StepAgreement(AFTERCARE_TALK, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.hours(72), Role.MANAGEMENT),
                // "ook na langere tijd": 2 and 6 weeks after the first talk, counted from that talk
                new StepAgreement(FIRST_CHECK_IN, Severity.SERIOUS, Set.of(), Role.TEAM_LEADER, DueTime.days(14), Role.MANAGEMENT),
                new StepAgreement(SECOND_CHECK_IN, Severity.SERIOUS, Set.of(), Role.TEAM_LEADER, DueTime.days(42), Role.MANAGEMENT),
                // Veilige Publieke Taak: respond to a known aggressor within 48 hours
                new StepAgreement(AGGRESSOR_RESPONSE, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.hours(48), Role.MANAGEMENT),
                // missing feedback is the main cause of under-reporting
                new StepAgreement(FEEDBACK, Severity.MINOR, Set.of(), Role.TEAM_LEADER, DueTime.workingDays(7), Role.MANAGEMENT),
                // risk matrix: analyse from serious on
                new StepAgreement(INCIDENT_ANALYSIS, Severity.SERIOUS, Set.of(), Role.PREVENTION_OFFICER, DueTime.days(14), Role.MANAGEMENT),
                // Arbowet art. 9, after serious injury: the law sets when (the same day) and for what, the organisation who
                new StepAgreement(LABOUR_INSPECTORATE, null, Set.of(), Role.TEAM_LEADER, null, Role.MANAGEMENT));
    }
}
