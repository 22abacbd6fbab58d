package nl.veiligwerken.platform.test;

import org.springframework.web.util.HtmlUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script payloads for free-text fields, and the check that a page shows them as text. Thymeleaf escapes
 * {@code <} and {@code >} in text and attribute values alike, so every {@code <} left in a page opens a tag the
 * template wrote: a payload that became markup shows up as a tag it made (a script with content, an event
 * handler attribute, a javascript: link).
 */
public final class InertMarkup {

    /** Every vector at once, for fields with room for it. */
    public static final String PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>"
            + "</textarea><svg onload=alert(1)>{{7*7}}[[${7*7}]]";
    /** Starts as a link would, for the fields that could end up in an href. */
    public static final String LINK_PAYLOAD = "javascript:alert(1)//'\"><svg onload=alert(1)>[[${7*7}]]";
    /** Under 100 characters, for the short fields. */
    public static final String SHORT_PAYLOAD = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>{{7*7}}[[${7*7}]]";

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_URL = Pattern.compile("(href|src|action|formaction)\\s*=\\s*[\"']?\\s*javascript:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(\\s[^>]*)?>\\s*[^<\\s]", Pattern.CASE_INSENSITIVE);

    private InertMarkup() {
    }

    /** The payload as a page shows it when it is escaped: visible as text, inert as markup. */
    public static String escaped(String payload) {
        return HtmlUtils.htmlEscape(payload);
    }

    /** No tag on the page came from a payload, and no template expression in it was evaluated. */
    public static void assertInert(String what, String html) {
        assertThat(html).as(what + ": a page").isNotBlank();
        assertThat(html).as(what + ": raw script").doesNotContain("<script>alert").doesNotContain("alert(1)</script>");
        assertThat(INLINE_SCRIPT.matcher(html).find()).as(what + ": an inline script").isFalse();
        List<String> suspicious = new ArrayList<>();
        Matcher tags = TAG.matcher(html);
        while (tags.find()) {
            String tag = tags.group();
            // an escaped value cannot hold a quote: what is left outside the quotes is the tag's own markup
            String markup = QUOTED.matcher(tag).replaceAll("\"\"").toLowerCase(Locale.ROOT);
            if (EVENT_HANDLER.matcher(markup).find() || SCRIPT_URL.matcher(tag).find() || markup.contains("alert(")
                    || markup.startsWith("<img src=x") || markup.startsWith("<svg onload")) {
                suspicious.add(tag);
            }
        }
        assertThat(suspicious).as(what + ": tags made from a payload").isEmpty();
    }

    /**
     * Inert, and the payload is on the page as text, so the page did show the field; its {@code {{7*7}}} and
     * {@code [[${7*7}]]} are among that text, literally, not evaluated to 49.
     */
    public static void assertShownInert(String what, String html, String payload) {
        assertInert(what, html);
        assertThat(html).as(what + ": the payload shown as text").contains(escaped(payload));
    }
}
