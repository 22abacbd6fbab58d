package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

import java.util.List;

/**
 * The open tasks of the given teams as this service's task list shows them, earliest due first. Answered with a
 * list of {@link TaskListEntry}: the shared {@link nl.veiligwerken.api.tasks.FindOpenTasksQuery} answers with
 * {@code TaskSummary}, which does not carry the person a follow-up action is for, nor what the action is.
 */
public record FindTaskListQuery(List<TeamId> teams) {

    public FindTaskListQuery {
        teams = List.copyOf(teams);
    }

    public FindTaskListQuery(TeamId team) {
        this(List.of(team));
    }
}
