package nl.veiligwerken.localrun;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A minimal browser for the end-to-end test: keeps cookies the way a browser does for one host name (a
 * cookie set by localhost:8081 is sent to localhost:8082 too, which is what makes one sign-in work for all
 * services), and follows redirects itself so every Set-Cookie on the way is seen.
 */
final class Browser {

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Signs in on one service's login form; the session cookie then works on all of them. */
    void signIn(URI service, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> loginPage = get(service.resolve("/login"));
        assertThat(loginPage.statusCode()).as("GET /login").isEqualTo(200);
        HttpResponse<String> response = postForm(service.resolve("/login"), Map.of(
                "username", List.of(username),
                "password", List.of(password),
                "_csrf", List.of(csrfToken(loginPage.body()))));
        assertThat(response.statusCode()).as("POST /login as %s", username).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .as("where signing in as %s leads", username).doesNotContain("error");
        assertThat(cookies).as("session cookie after signing in").containsKey("VWSESSION");
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(request(uri).header("Accept", "text/html,application/json").GET().build());
    }

    HttpResponse<String> getJson(URI uri) throws IOException, InterruptedException {
        return send(request(uri).header("Accept", "application/json").GET().build());
    }

    HttpResponse<String> postForm(URI uri, Map<String, List<String>> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        return send(request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A JSON API call on the signed-in session, waiting at most {@code timeout} for the answer. */
    HttpResponse<String> postJson(URI uri, String json, Duration timeout) throws IOException, InterruptedException {
        return send(request(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** Follows a redirect answer to the page it points at. */
    HttpResponse<String> follow(URI base, HttpResponse<String> redirect) throws IOException, InterruptedException {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return get(base.resolve(location));
    }

    private static final Pattern INPUT = Pattern.compile("<input[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

    /** What a browser sends unasked: every hidden input of the page (the CSRF token, the version seen, ids). */
    static Map<String, List<String>> hiddenFields(String html) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            String tag = input.group();
            Matcher name = NAME.matcher(tag);
            Matcher value = VALUE.matcher(tag);
            if (tag.contains("type=\"hidden\"") && name.find()) {
                fields.put(name.group(1), List.of(value.find() ? value.group(1).replace("&amp;", "&") : ""));
            }
        }
        return fields;
    }

    static String csrfToken(String html) {
        Matcher input = CSRF_INPUT.matcher(html);
        assertThat(input.find()).as("a hidden _csrf input in the form").isTrue();
        Matcher value = VALUE.matcher(input.group());
        assertThat(value.find()).as("the _csrf input's value").isTrue();
        return value.group(1);
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0) {
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return response;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
