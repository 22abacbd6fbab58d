package nl.veiligwerken.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Locale;

/**
 * Writes 401 and 403 for the JSON API as {@code application/problem+json}, with a Dutch (or English) title, and
 * the 400 of a request refused before any controller saw it.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver locales;

    public ProblemResponses(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthenticated");
    }

    public AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
    }

    /**
     * A request refused before it reached a controller: a NUL in a parameter, or characters in the address the
     * firewall refuses. Problem JSON with a Dutch detail for the API (a bare 400 there left an API client
     * without the message every other refusal has), the error page for a page.
     */
    public void badRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isApi(request)) {
            write(request, response, HttpStatus.BAD_REQUEST, "problem.request.unreadable");
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
    }

    /**
     * 503 with {@code Retry-After} for a request that failed because the database was out of reach before a
     * controller could answer (the session or the directory is read first): problem JSON for the API, a short
     * page of its own for the rest, since the error page and its layout would need the database again.
     */
    public void unavailable(HttpServletRequest request, HttpServletResponse response, String retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", retryAfterSeconds);
        if (isApi(request)) {
            write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable");
            return;
        }
        Locale locale = locales.resolveLocale(request);
        String text = HtmlUtils.htmlEscape(messages.getMessage("problem.unavailable", null, locale));
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head>"
                + "<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Veilig Werken</title></head><body><main><h1>Veilig Werken</h1>"
                + "<p role=\"alert\">" + text + "</p></main></body></html>");
    }

    /** Whether the request is for the JSON API ({@code /api/...}), whose errors are problem JSON. */
    public static boolean isApi(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri != null && uri.startsWith(request.getContextPath() + "/api/");
    }

    /** What Spring Security does with a request its firewall refuses: {@link #badRequest}. */
    public RequestRejectedHandler rejected() {
        return (request, response, e) -> badRequest(request, response);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, null, locales.resolveLocale(request)));
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"veilig-werken\"");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
