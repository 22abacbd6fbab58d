package nl.veiligwerken.query.web;

/**
 * What the prevention officer filters the audit log on, as typed: a username, an incident's identifier, a first
 * and a last day ({@code 2026-03-31}, both included), and the page (from 0). Every part optional.
 */
record AuditFilterForm(String user, String incident, String from, String to, String page) {

    static AuditFilterForm none() {
        return new AuditFilterForm(null, null, null, null, null);
    }
}
