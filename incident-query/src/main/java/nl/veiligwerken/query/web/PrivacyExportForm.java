package nl.veiligwerken.query.web;

/**
 * Whose data the prevention officer exports: a username, as typed; and which part, {@code notifications} for the
 * notifier's (the person's notifications), anything else for this service's (incidents and reports).
 */
record PrivacyExportForm(String person, String part) {

    static final String NOTIFICATIONS = "notifications";

    boolean notifications() {
        return NOTIFICATIONS.equals(part);
    }
}
