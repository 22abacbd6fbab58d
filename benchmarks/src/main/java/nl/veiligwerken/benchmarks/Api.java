package nl.veiligwerken.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One signed-in person against the services: signs in once on the login form (Argon2 on every request, as HTTP
 * Basic would do, would measure password hashing), then sends JSON with the session cookie, which every service
 * accepts. Thread-safe once signed in.
 */
final class Api {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]*)\"|value=\"([^\"]*)\"[^>]*name=\"_csrf\"");

    private final HttpClient http;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    final String username;

    private Api(HttpClient http, String username) {
        this.http = http;
        this.username = username;
    }

    static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    static Api signIn(URI service, String username, String password) throws IOException, InterruptedException {
        Api api = new Api(client(), username);
        HttpResponse<String> page = api.send(HttpRequest.newBuilder(service.resolve("/login")).GET());
        Matcher csrf = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("GET /login answered " + page.statusCode() + " without a CSRF token");
        }
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        String form = Map.of("username", username, "password", password, "_csrf", token).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> signedIn = api.send(HttpRequest.newBuilder(service.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")
                || !api.cookies.containsKey("VWSESSION")) {
            throw new IllegalStateException("signing in as " + username + " failed: " + signedIn.statusCode());
        }
        return api;
    }

    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
    }

    HttpResponse<String> post(URI uri, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GET that must answer 200. */
    String read(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = get(uri);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    /** POST that must answer 2xx. */
    String write(URI uri, String json) throws IOException, InterruptedException {
        HttpResponse<String> response = post(uri, json);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + uri + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        request.timeout(Duration.ofSeconds(60));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String header : response.headers().allValues("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq > 0 && !pair.substring(eq + 1).isBlank()) {
                cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return response;
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + " ...";
    }

    /** A string or number field of a small JSON object, e.g. {@code "version"}; null when absent. */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"([^\"]*)\"|[-0-9.]+|true|false|null)")
                .matcher(json);
        if (!m.find()) {
            return null;
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }
}
