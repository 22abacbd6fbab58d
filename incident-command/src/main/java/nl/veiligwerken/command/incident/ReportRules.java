package nl.veiligwerken.command.incident;

import java.util.regex.Pattern;

/**
 * What a report must look like, for the form and the incident alike. A client is named only by the
 * organisation's client number: letters, digits and dashes with at least one digit, so a name cannot pass.
 */
public final class ReportRules {

    public static final int DESCRIPTION_MAX = 4000;
    public static final int CLIENT_REFERENCE_MAX = 32;
    private static final Pattern CLIENT_REFERENCE = Pattern.compile("(?=.*[0-9])[A-Za-z0-9-]{2," + CLIENT_REFERENCE_MAX + "}");

    private ReportRules() {
    }

    public static boolean isPseudonymousReference(String reference) {
        return reference == null || reference.isBlank() || CLIENT_REFERENCE.matcher(reference.strip()).matches();
    }
}
