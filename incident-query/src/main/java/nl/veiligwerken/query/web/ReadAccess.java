package nl.veiligwerken.query.web;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.api.incidents.IncidentDetails;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.query.queries.TimelineAudience;
import org.springframework.security.access.AccessDeniedException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Who may see what on the read side; decided from the signed-in person's role and teams, never from the URL. */
final class ReadAccess {

    private ReadAccess() {
    }

    /** The teams whose task list the person may see: only as team leader, only the teams they lead. */
    static List<TeamId> ledTeams(VwUser user) {
        return user.leads().stream().filter(user::leads).sorted(Comparator.comparing(TeamId::value)).toList();
    }

    /**
     * The teams whose tasks the person asks for: the one team named, or, when none is, all the teams they lead.
     * Refused when they do not lead the team named, or lead none.
     */
    static List<TeamId> requireLedTeams(VwUser user, String team) {
        if (team != null && !team.isBlank()) {
            TeamId named = new TeamId(team.strip());
            requireLeads(user, named);
            return List.of(named);
        }
        List<TeamId> led = ledTeams(user);
        if (led.isEmpty()) {
            throw new AccessDeniedException("leads no team");
        }
        return led;
    }

    static void requireLeads(VwUser user, TeamId team) {
        if (team == null || !user.leads(team)) {
            throw new AccessDeniedException("not a leader of team " + team);
        }
    }

    /**
     * The reporter sees their own report, and so does the colleague it happened to when someone reported on
     * their behalf; the leader of the incident's team sees it to follow it up; the prevention officer, who
     * analyses incidents of every team and opens them from the compliance figures, sees every incident; and the
     * peer supporter a leader assigned to give first support reads what happened (as the reporter does, not the
     * follow-up's notes: {@link #timelineAudience}) while they are a peer supporter of the team.
     * {@code peerSupporter} is asked only when the others do not apply.
     */
    static void requireMaySee(VwUser user, IncidentDetails incident, Supplier<Optional<String>> peerSupporter) {
        if (!mayAmend(user, incident) && !user.getUsername().equals(incident.reportedFor())
                && !user.hasRole(Role.PREVENTION_OFFICER) && !isAssignedPeerSupporter(user, incident, peerSupporter)) {
            throw new AccessDeniedException("neither reporter, colleague, team leader nor assigned peer supporter of "
                    + "incident " + incident.incidentId());
        }
    }

    private static boolean isAssignedPeerSupporter(VwUser user, IncidentDetails incident,
                                                   Supplier<Optional<String>> peerSupporter) {
        return user.hasRole(Role.PEER_SUPPORTER) && user.isMemberOf(incident.teamId())
                && peerSupporter.get().filter(user.getUsername()::equals).isPresent();
    }

    /** The command side's rule: the reporter or a leader of the incident's team corrects the report. */
    static boolean mayAmend(VwUser user, IncidentDetails incident) {
        return user.getUsername().equals(incident.reportedBy()) || user.leads(incident.teamId());
    }

    /** Compliance figures: the leaders of the team, and organisation-wide the prevention officer and management. */
    static void requireMaySeeCompliance(VwUser user, TeamId team) {
        if (team == null || !user.leads(team) && !seesEveryTeam(user)) {
            throw new AccessDeniedException("no compliance figures of team " + team);
        }
    }

    /** The incidents behind the figures: not for management, which sees aggregated figures only. */
    static void requireMayDrillDown(VwUser user, TeamId team) {
        if (!mayDrillDown(user, team)) {
            throw new AccessDeniedException("no incidents of team " + team);
        }
    }

    static boolean mayDrillDown(VwUser user, TeamId team) {
        return team != null && (user.leads(team) || user.hasRole(Role.PREVENTION_OFFICER));
    }

    /**
     * Whether the person, once {@link #requireMaySeeCompliance} let them in, sees a team's figures only as the
     * organisation view shows them, small counts hidden: management, for a team it does not lead. The team's
     * leaders and the prevention officer, who may open the incidents behind a figure, read the real counts.
     */
    static boolean aggregatesOnly(VwUser user, TeamId team) {
        return !mayDrillDown(user, team);
    }

    /**
     * The organisation view, every team's figures side by side: for the organisation's roles, management and the
     * prevention officer; a team leader has the figures of their own teams.
     */
    static void requireMaySeeOrganisation(VwUser user) {
        if (!seesEveryTeam(user)) {
            throw new AccessDeniedException("no organisation figures");
        }
    }

    /**
     * The audit log: the prevention officer only. Not management, which sees aggregates only, while the log names
     * who read what.
     */
    static void requireMayReadAudit(VwUser user) {
        if (!user.hasRole(Role.PREVENTION_OFFICER)) {
            throw new AccessDeniedException("no audit log");
        }
    }

    /**
     * Exporting a person's data (GDPR art. 15 and 20): the prevention officer, who handles such requests. Not
     * management, which sees aggregates only, and not the person themselves: a request is checked before it is
     * answered.
     */
    static void requireMayExportPersonalData(VwUser user) {
        if (!user.hasRole(Role.PREVENTION_OFFICER)) {
            throw new AccessDeniedException("no export of personal data");
        }
    }

    static boolean seesEveryTeam(VwUser user) {
        return user.hasRole(Role.PREVENTION_OFFICER) || user.hasRole(Role.MANAGEMENT);
    }

    /**
     * How much of the timeline the person reads (once {@link #requireMaySee} let them in): the team's leader and
     * the prevention officer follow the incident up and read everything; the reporter, the colleague it
     * happened to and the assigned peer supporter read that each step took place, not the notes behind it.
     */
    static TimelineAudience timelineAudience(VwUser user, IncidentDetails incident) {
        return user.leads(incident.teamId()) || user.hasRole(Role.PREVENTION_OFFICER)
                ? TimelineAudience.FOLLOW_UP
                : TimelineAudience.REPORTER;
    }
}
