package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.TeamId;

/** What a team's quarterly review counts for one quarter; answered with one {@link QuarterlyReview}. */
public record FindQuarterlyReviewQuery(TeamId team, Quarter quarter) {
}
