package nl.veiligwerken.platform.test;

import nl.veiligwerken.platform.test.MalformedRequests.Case;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Sends generated malformed requests ({@link MalformedRequests}) to a service through MockMvc and judges each answer
 * by the rules every service shares: never a server error or a stack trace; 403 without a valid CSRF token; from
 * the JSON API a 4xx as problem JSON with a detail. What a page may answer (a form shown again with its errors, a
 * notice) differs per service, so its {@link PageRule} decides that. Counts the statuses for the test's summary.
 */
public final class MalformedRequestCheck {

    /** What the service answered. */
    public record Answer(int status, String body, String redirectedUrl) {
    }

    /** The service's rule for a page's answer (no server error, not a CSRF case): null when it is a clear refusal. */
    @FunctionalInterface
    public interface PageRule {
        String judge(Case c, Answer answer);
    }

    private final MockMvc mvc;
    private final PageRule pages;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Long> millisPerLabel = new TreeMap<>();
    private int lastStatus;

    public MalformedRequestCheck(MockMvc mvc, PageRule pages) {
        this.mvc = mvc;
        this.pages = pages;
    }

    /** Sends the case as {@code user} (in Dutch); null when the answer is a clear refusal, otherwise what is wrong. */
    public String check(Case c, RequestPostProcessor user) {
        boolean api = c.path().startsWith("/api/");
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(c.method()), c.path())
                .with(user).header("Accept-Language", "nl")
                .accept(api ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML);
        if (c.contentType() != null) {
            request.contentType(c.contentType());
        }
        if (c.body() != null) {
            request.content(c.body());
        }
        c.params().forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
        if (c.csrf()) {
            request.with(csrf());
        } else if (c.forgedCsrf()) {
            request.with(csrf().useInvalidToken());
        }
        MvcResult result;
        try {
            result = mvc.perform(request).andReturn();
        } catch (Exception | Error failed) {
            lastStatus = 500;
            statuses.merge(500, 1, Integer::sum);
            return "threw " + failed;
        }
        int status = result.getResponse().getStatus();
        lastStatus = status;
        statuses.merge(status, 1, Integer::sum);
        String body;
        try {
            body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "unreadable answer " + e;
        }
        if (status >= 500) {
            return status + " " + abbreviated(body);
        }
        if (body.contains("\tat ") || body.contains("Exception") || body.contains("org.springframework")) {
            return status + " with what looks like a stack trace: " + abbreviated(body);
        }
        if (c.label().contains("CSRF")) {
            return status == 403 ? null : status + ", expected 403 without a valid CSRF token";
        }
        if (!api) {
            return pages.judge(c, new Answer(status, body, result.getResponse().getRedirectedUrl()));
        }
        if (status < 400) {
            return status + ", expected a 4xx: " + abbreviated(body);
        }
        String type = result.getResponse().getContentType();
        if (type == null || !type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
            return status + " as " + type + ", expected problem JSON";
        }
        return body.contains("\"detail\"") ? null : status + " without a detail: " + abbreviated(body);
    }

    /**
     * Sends every case and returns what was wrong, one line per case (control characters escaped): its answer
     * ({@link #check}), a change in {@code state} (a digest of what no refused request may change), and, when
     * {@code auditRows} is given, a row added to the audit log by a request that was not answered 2xx.
     */
    public List<String> sendAll(List<Case> cases, Function<Case, RequestPostProcessor> user, Supplier<String> state,
                                LongSupplier auditRows) {
        List<String> problems = new ArrayList<>();
        String before = state.get();
        long audited = auditRows == null ? 0 : auditRows.getAsLong();
        for (Case c : cases) {
            long started = System.nanoTime();
            String problem = check(c, user.apply(c));
            millisPerLabel.merge(c.label().replaceAll(".*: ", ""), (System.nanoTime() - started) / 1_000_000, Long::sum);
            String after = state.get();
            if (!after.equals(before)) {
                problem = (problem == null ? "" : problem + "; ") + "changed what a refusal leaves alone: " + before
                        + " -> " + after;
                before = after;
            }
            if (auditRows != null) {
                long auditedAfter = auditRows.getAsLong();
                if (auditedAfter != audited && (lastStatus < 200 || lastStatus >= 300)) {
                    problem = (problem == null ? "" : problem + "; ") + "refused with " + lastStatus + " but "
                            + (auditedAfter - audited) + " row(s) added to the audit log";
                }
                audited = auditedAfter;
            }
            if (problem != null) {
                problems.add(printable(c + ": " + problem));
            }
        }
        return problems;
    }

    /** The labels whose requests took longest altogether, slowest first, with their milliseconds. */
    public List<String> slowest(int count) {
        return millisPerLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(count)
                .map(e -> e.getValue() + " ms for " + e.getKey()).toList();
    }

    /** The status of the last request sent (500 when it threw). */
    public int lastStatus() {
        return lastStatus;
    }

    /** How many answers had each status. */
    public Map<Integer, Integer> statuses() {
        return Collections.unmodifiableMap(statuses);
    }

    /** The first 300 characters, for a problem's description. */
    public static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The text with control characters, lone surrogates and unassigned code points as {@code \\uXXXX}. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(ch -> {
            if (Character.isISOControl(ch) || Character.isSurrogate((char) ch) || !Character.isDefined(ch)) {
                out.append(String.format("\\u%04X", ch));
            } else {
                out.append((char) ch);
            }
        });
        return out.toString();
    }
}
