package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

/**
 * The open tasks of one team as this service's task list shows them, earliest due first. Answered with a list
 * of {@link TaskListEntry}: the shared {@link nl.veiligwerken.api.tasks.FindOpenTasksQuery} answers with
 * {@code TaskSummary}, which does not carry the person a follow-up action is for.
 */
public record FindTaskListQuery(TeamId teamId) {
}
