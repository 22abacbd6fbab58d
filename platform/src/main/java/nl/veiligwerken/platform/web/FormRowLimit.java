package nl.veiligwerken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Enumeration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refuses with 400 a form post that names a row beyond what a form can have ({@code rows[300].text}). Spring's
 * binder grows a list to at most 256 elements; binding a record's list past that failed with an
 * IndexOutOfBoundsException, a 500, and a much larger index would have it allocate the whole list first.
 */
public class FormRowLimit extends OncePerRequestFilter {

    /** Spring's {@code DataBinder} default {@code autoGrowCollectionLimit}. */
    static final int MAX_ROWS = 256;
    private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,10})]");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !(type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            Matcher index = INDEX.matcher(names.nextElement());
            while (index.find()) {
                if (Long.parseLong(index.group(1)) >= MAX_ROWS) {
                    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
