package nl.veiligwerken.api.tasks;

import nl.veiligwerken.api.TeamId;

/** The open tasks of one team, earliest due first. Answered with a list of {@link TaskSummary}. */
public record FindOpenTasksQuery(TeamId teamId) {
}
