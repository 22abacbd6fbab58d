package nl.veiligwerken.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class NulParameterGuardTest {

    private final NulParameterGuard guard = new NulParameterGuard();

    @Test
    void aNulInAParameterValueOrNameIsA400AndGoesNoFurther() throws Exception {
        for (String[] parameter : new String[][] {{"user", "pim\u0000"}, {"te\u0000am", "noord"}}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/audit");
            request.addParameter(parameter[0], parameter[1]);
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            guard.doFilter(request, response, chain);

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(chain.getRequest()).as("passed on").isNull();
        }
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
}
