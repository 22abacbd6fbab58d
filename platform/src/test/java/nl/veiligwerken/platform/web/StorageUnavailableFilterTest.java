package nl.veiligwerken.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.hibernate.TransactionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StorageUnavailableFilterTest {

    private static final String UNAVAILABLE = "De gegevens zijn even niet bereikbaar.";

    private final StorageUnavailableFilter filter = new StorageUnavailableFilter(new ProblemResponses(messages(),
            new AcceptHeaderLocaleResolver()));

    /** As Spring Session fails when PostgreSQL restarts: its lookup of the session, before any controller. */
    private static final FilterChain SESSION_LOOKUP_FAILS = (request, response) -> {
        throw new DataAccessResourceFailureException("PreparedStatementCallback; SQL [SELECT S.PRIMARY_ID ...]",
                new SQLTransientConnectionException("terminating connection due to administrator command", "57P01"));
    };

    @Test
    void anApiRequestThatFindsTheDatabaseAwayIsA503ToRetryAsProblemJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/incidents");
        request.addHeader("Accept-Language", "nl");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, SESSION_LOOKUP_FAILS);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"detail\":\"" + UNAVAILABLE + "\"");
    }

    @Test
    void aPageIsA503ToRetryWithTheMessageAndNothingOfTheInside() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tasks");
        request.addHeader("Accept-Language", "nl");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new ServletException("wrapped", new DataAccessResourceFailureException("no connection"));
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/html");
        assertThat(response.getContentAsString()).contains("lang=\"nl\"", "role=\"alert\"", UNAVAILABLE)
                .doesNotContain("Exception", "SQL");
    }

    @Test
    void theRollbackFailureThatReplacesTheFirstOneIsRecognisedToo() throws Exception {
        // Spring Session's transaction: the lookup fails, then its rollback on the connection Hikari closed as broken
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/incidents");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, (req, res) -> {
            throw new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
                    new SQLException("Connection is closed")));
        });

        assertThat(response.getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherFailurePassesThroughUnchanged() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tasks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        IllegalStateException fault = new IllegalStateException("a fault in the code");

        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw fault;
        })).isSameAs(fault);
        assertThat(response.getStatus()).isEqualTo(200);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.unavailable", Locale.forLanguageTag("nl"), UNAVAILABLE);
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }
}
