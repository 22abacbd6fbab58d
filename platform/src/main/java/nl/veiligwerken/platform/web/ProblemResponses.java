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
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

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
        String uri = request.getRequestURI();
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            write(request, response, HttpStatus.BAD_REQUEST, "problem.request.unreadable");
        } else {
            response.sendError(HttpStatus.BAD_REQUEST.value());
        }
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
