package nl.veiligwerken.api.analysis;

/** Who a learning point is for. */
public enum LearningLevel {
    PERSONAL,
    TEAM,
    ORGANISATION
}
