package nl.veiligwerken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Refuses with 400 a request whose query or form parameters hold a NUL character. No name, id, date or text of
 * this system has one, and PostgreSQL refuses it in a text parameter, so it would otherwise surface wherever a
 * parameter reaches a query as a 500 (the audit filter and the team of the figures pages did, found by the
 * bad-input tests). The API gets the refusal as problem JSON with a Dutch detail, a page the error page.
 */
public class NulParameterGuard extends OncePerRequestFilter {

    private final ProblemResponses problems;

    public NulParameterGuard(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (hasNul(parameter.getKey()) || hasNul(parameter.getValue())) {
                problems.badRequest(request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean hasNul(String... values) {
        for (String value : values) {
            if (value != null && value.indexOf('\u0000') >= 0) {
                return true;
            }
        }
        return false;
    }
}
