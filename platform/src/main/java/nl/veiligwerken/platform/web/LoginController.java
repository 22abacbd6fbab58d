package nl.veiligwerken.platform.web;

import nl.veiligwerken.platform.security.DemoAccounts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The same login page on every service; in the demo profile it lists the demo accounts and says they are demo. */
@Controller
public class LoginController {

    private final ObjectProvider<DemoAccounts> demoAccounts;

    public LoginController(ObjectProvider<DemoAccounts> demoAccounts) {
        this.demoAccounts = demoAccounts;
    }

    @GetMapping("/login")
    String login(Model model) {
        DemoAccounts demo = demoAccounts.getIfAvailable();
        if (demo != null) {
            model.addAttribute("demoAccounts", demo.accounts());
            model.addAttribute("demoPassword", DemoAccounts.PASSWORD);
        }
        return "login";
    }
}
