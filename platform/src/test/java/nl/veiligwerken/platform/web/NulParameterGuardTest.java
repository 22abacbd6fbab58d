package nl.veiligwerken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NulParameterGuardTest {

    private final NulParameterGuard guard = new NulParameterGuard(new ProblemResponses(messages(),
            new AcceptHeaderLocaleResolver()));

    @Test
    void aNulInAParameterValueOrNameIsA400AndGoesNoFurther() throws Exception {
        for (String[] parameter : new String[][] {{"user", "pim\u0000"}, {"te\u0000am", "noord"}}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/audit");
            request.addParameter(parameter[0], parameter[1]);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            guard.doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(chain.getRequest()).as("passed on").isNull();
        }
    }

    @Test
    void theApiGetsTheRefusalAsProblemJsonWithItsMessage() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit");
        request.addParameter("user", "pim\u0000");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        guard.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"detail\":\"Onleesbaar verzoek\"");
        assertThat(chain.getRequest()).as("passed on").isNull();
    }

    @Test
    void ordinaryParametersPassIncludingOtherControlCharactersOfFreeText() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/incidents/new");
        request.addParameter("description", "Regel een\r\nregel twee\tmet tab");
        request.addParameter("team", "noord");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        guard.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    private static StaticMessageSource messages() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("problem.request.unreadable", Locale.ENGLISH, "Onleesbaar verzoek");
        messages.setUseCodeAsDefaultMessage(true);
        return messages;
    }
}
