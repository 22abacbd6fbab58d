package nl.veiligwerken.command.protocol;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.aftercare.AftercareOutcome;
import nl.veiligwerken.api.protocol.ProtocolStep;
import nl.veiligwerken.api.protocol.StepAgreement;
import nl.veiligwerken.api.reporting.ReportContent;

import java.time.Instant;

/** Which steps an incident needs under its agreements, when they are due, and who may take them. */
public final class StepRequirements {

    private StepRequirements() {
    }

    /**
     * Required as soon as the report is in (or amended): the check-ins are not, they follow the first talk.
     * The response to the aggressor needs a known aggressor; the Labour Inspectorate a serious injury.
     */
    public static boolean requiredByReport(StepAgreement agreement, ReportContent report) {
        return switch (agreement.step()) {
            case LABOUR_INSPECTORATE -> report.mustBeNotifiedToLabourInspectorate();
            case AGGRESSOR_RESPONSE -> report.aggressor().isKnown()
                    && agreement.requiredFor(report.severity(), report.kinds());
            case FIRST_SUPPORT, AFTERCARE_TALK, FEEDBACK, INCIDENT_ANALYSIS ->
                    agreement.requiredFor(report.severity(), report.kinds());
            case FIRST_CHECK_IN, SECOND_CHECK_IN, FOLLOW_UP_ACTION -> false;
        };
    }

    /**
     * A check-in after a talk: for the severities and kinds agreed, and always when a talk found a need for
     * more help or the colleague declined (offered again then).
     */
    public static boolean checkInRequired(StepAgreement agreement, ReportContent report, boolean needForHelpSignalled,
                                          AftercareOutcome lastOutcome) {
        return agreement.requiredFor(report.severity(), report.kinds()) || needForHelpSignalled
                || lastOutcome == AftercareOutcome.DECLINED;
    }

    /**
     * When a step is due. The steps of the report count from when the report reached us (a late report keeps
     * the colleague's full time); check-ins from the first talk; the Labour Inspectorate, by law, the same day
     * the duty became known.
     */
    public static Instant dueAt(StepAgreement agreement, Instant from, DueTimes dueTimes) {
        if (agreement.step() == ProtocolStep.LABOUR_INSPECTORATE) {
            return dueTimes.endOfDay(from);
        }
        return dueTimes.dueAt(from, agreement.due());
    }

    /**
     * When the next check-in is due. Counted from the first talk that was held (domain.md: 2 and 6 weeks after
     * the first talk); after a declined talk the colleague is offered one again after the first check-in's
     * term (default 2 weeks) from that decline, not weeks later on the original schedule.
     *
     * @param firstHeldTalk the first talk that took place, or the first offer while none did
     */
    public static Instant checkInDueAt(StepAgreement checkIn, StepAgreement firstCheckIn, Instant firstHeldTalk,
                                       Instant lastTalk, AftercareOutcome lastOutcome, DueTimes dueTimes) {
        if (lastOutcome == AftercareOutcome.DECLINED) {
            return dueTimes.dueAt(lastTalk, firstCheckIn.due());
        }
        return dueAt(checkIn, firstHeldTalk, dueTimes);
    }

    /**
     * A leader of the incident's team may take every step; someone else only the steps the agreement gives
     * their role: organisation-wide roles for any team, team roles for their own teams.
     */
    public static boolean mayTake(Actor actor, TeamId team, StepAgreement agreement) {
        if (actor.leads(team)) {
            return true;
        }
        Role assignee = agreement == null ? null : agreement.assignee();
        if (assignee == null || assignee == Role.TEAM_LEADER || !actor.has(assignee)) {
            return false;
        }
        // organisation-wide: the prevention officer; management never (aggregated figures only, domain.md)
        return assignee == Role.PREVENTION_OFFICER || assignee != Role.MANAGEMENT && actor.isMemberOf(team);
    }
}
