package nl.veiligwerken.platform.test;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's endpoints as its access matrix names them, {@code "METHOD /pattern"} ({@code "* /pattern"} for a
 * mapping of every method), and the check that every endpoint has a rule and every rule an endpoint.
 */
public final class Endpoints {

    private Endpoints() {
    }

    /** Every handler of every request mapping: controllers, errors, actuator, OpenAPI. */
    public static Set<String> mapped(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("* " + pattern);
                    }
                    methods.forEach(method -> endpoints.add(method + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    /** A line for each endpoint without a rule (a new endpoint nobody decided on) and each rule without one. */
    public static List<String> withoutRule(Set<String> mapped, Set<String> ruled) {
        List<String> mismatches = new ArrayList<>();
        mapped.stream().filter(endpoint -> !ruled.contains(endpoint))
                .forEach(endpoint -> mismatches.add("new endpoint without an access rule: " + endpoint));
        ruled.stream().filter(endpoint -> !mapped.contains(endpoint))
                .forEach(endpoint -> mismatches.add("rule for an endpoint that no longer exists: " + endpoint));
        return mismatches;
    }
}
