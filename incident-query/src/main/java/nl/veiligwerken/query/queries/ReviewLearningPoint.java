package nl.veiligwerken.query.queries;

import nl.veiligwerken.api.analysis.LearningLevel;
import nl.veiligwerken.api.analysis.Skill;

/** A learning point of an analysis made in the quarter; {@code skill} null when it points to none. */
public record ReviewLearningPoint(LearningLevel level, Skill skill, String text) {
}
