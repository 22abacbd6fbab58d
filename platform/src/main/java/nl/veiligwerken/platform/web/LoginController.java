package nl.veiligwerken.platform.web;

import nl.veiligwerken.platform.security.DemoAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.ArrayList;
import java.util.List;

/**
 * The same login page on every service; in the demo profile it lists the demo accounts and says they are demo.
 * With OpenID Connect configured it offers "Aanmelden met ..." for each identity provider.
 */
@Controller
public class LoginController {

    /** A button to sign in at an identity provider. */
    public record Provider(String name, String path) {
    }

    private final ObjectProvider<DemoAccounts> demoAccounts;
    private final ObjectProvider<ClientRegistrationRepository> clients;

    public LoginController(ObjectProvider<DemoAccounts> demoAccounts, ObjectProvider<ClientRegistrationRepository> clients) {
        this.demoAccounts = demoAccounts;
        this.clients = clients;
    }

    @GetMapping("/login")
    String login(Model model) {
        DemoAccounts demo = demoAccounts.getIfAvailable();
        if (demo != null) {
            model.addAttribute("demoAccounts", demo.accounts());
            model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        }
        model.addAttribute("providers", providers());
        return "login";
    }

    private List<Provider> providers() {
        List<Provider> providers = new ArrayList<>();
        if (clients.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                if (registration instanceof ClientRegistration client) {
                    providers.add(new Provider(client.getClientName(),
                            "/oauth2/authorization/" + client.getRegistrationId()));
                }
            }
        }
        return providers;
    }
}
