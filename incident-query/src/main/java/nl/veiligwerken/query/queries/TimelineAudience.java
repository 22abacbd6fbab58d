package nl.veiligwerken.query.queries;

/** Who reads a timeline, which decides how much of each step they see. */
public enum TimelineAudience {
    /**
     * The reporter, the colleague it happened to and the peer supporter assigned to them: that each step took place, when and by whom; not the
     * need for help and referrals of an aftercare talk, the analysis, or the free-text notes of the follow-up.
     */
    REPORTER,
    /** The team's leader and the prevention officer, who follow the incident up: everything. */
    FOLLOW_UP
}
