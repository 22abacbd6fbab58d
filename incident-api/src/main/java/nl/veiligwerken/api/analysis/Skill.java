package nl.veiligwerken.api.analysis;

/**
 * The skills the method's training step names (seed 001, step 3); a learning point may point to one, so the
 * quarterly review can turn learning points into training needs.
 */
public enum Skill {
    MAKING_CONTACT,
    DISCUSSING_DISCOMFORT,
    RISK_ASSESSMENT,
    TENSION_CONTROL,
    REDIRECTING_EMOTION,
    DE_ESCALATION,
    HANDLING_MANIPULATION,
    HANDLING_LESS_INFLUENCEABLE_BEHAVIOUR,
    COLLEGIAL_SUPPORT
}
