package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

/** One team's {@link QuarterlyReview} among the organisation's. */
public record TeamReview(TeamId team, QuarterlyReview review) {
}
