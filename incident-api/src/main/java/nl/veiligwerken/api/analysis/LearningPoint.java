package nl.veiligwerken.api.analysis;

/** A learning point (leerpunt) at one level; {@code skill} is the skill it points to, or null. */
public record LearningPoint(LearningLevel level, Skill skill, String text) {
}
