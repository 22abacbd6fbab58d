package nl.veiligwerken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers 503 with {@code Retry-After}, never 500, when a request fails because the database is out of reach
 * before any controller saw it: the session (Spring Session JDBC) and the person's directory entry are read by
 * filters, so during a PostgreSQL restart those failed as a bare 500 (the fault test saw it). The API's own
 * handler covers failures inside controllers; this filter, placed before the session filter, covers the rest, pages
 * included. Any other failure passes through unchanged.
 */
public class StorageUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StorageUnavailableFilter.class);

    private final ProblemResponses problems;

    public StorageUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (response.isCommitted() || !ApiProblemHandler.isUnavailableStorage(e)) {
                throw e;
            }
            log.warn("Request refused while the database is unavailable: {}", e.toString());
            response.resetBuffer();
            problems.unavailable(request, response, ApiProblemHandler.RETRY_AFTER_SECONDS);
        }
    }
}
