package nl.veiligwerken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApiProblemHandlerTest {

    private final ApiProblemHandler handler = new ApiProblemHandler(messages());

    @Test
    void aDatabaseOutOfReachIsA503ToRetryHoweverDeepItIsWrapped() throws Exception {
        Exception poolTimeout = new CompletionException(new IllegalStateException("command failed",
                new CannotCreateTransactionException("no connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"))));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(poolTimeout, Locale.forLanguageTag("nl"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(answer.getBody().getDetail()).contains("niet bereikbaar");
    }

    @Test
    void aRefusedConnectionCountsAsOutOfReach() {
        assertThat(ApiProblemHandler.isUnavailableStorage(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(ApiProblemHandler.isUnavailableStorage(
                new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
    }

    @Test
    void anyOtherFailureStaysA500ThatSaysNothingOfTheInside() throws Exception {
        Exception bug = new IllegalStateException("index 3 out of bounds", new SQLException("syntax error", "42601"));

        ResponseEntity<ProblemDetail> answer = handler.unexpected(bug, Locale.forLanguageTag("nl"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getBody().getDetail()).doesNotContain("index", "syntax");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/platform");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
