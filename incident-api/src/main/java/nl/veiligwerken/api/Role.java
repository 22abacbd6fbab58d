package nl.veiligwerken.api;

/** The roles of domain.md; a person has one or more, and belongs to one or more teams. */
public enum Role {
    STAFF,
    TEAM_LEADER,
    PEER_SUPPORTER,
    PREVENTION_OFFICER,
    MANAGEMENT,
    ADMIN
}
