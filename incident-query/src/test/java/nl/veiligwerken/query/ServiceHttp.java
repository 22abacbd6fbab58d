package nl.veiligwerken.query;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running query service as a client sees it over HTTP, in Dutch: the JSON API with HTTP Basic, and browser
 * sessions signed in through the login form. Every person has the same password in a test.
 */
final class ServiceHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String password;

    ServiceHttp(int port, String password) {
        this.port = port;
        this.password = password;
    }

    HttpResponse<String> api(String path, String username) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Authorization", "Basic " + basic)
                        .header("Accept", "application/json")
                        .header("Accept-Language", "nl")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Without signing in. */
    HttpResponse<String> anonymous(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A browser session: the login form with its CSRF token, then the session cookie. */
    HttpClient signIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String form = page(browser, "/login").body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String body = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    HttpResponse<String> page(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Accept-Language", "nl").build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
