package nl.veiligwerken.query.queries;

/**
 * What the quarterly review counts for one quarter, for every team that had something in it; answered with
 * {@link TeamReview}s, by team. The organisation's figures are made of these.
 */
public record FindOrganisationReviewQuery(Quarter quarter) {
}
