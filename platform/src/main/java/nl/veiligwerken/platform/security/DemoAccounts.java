package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Set;

/**
 * Demo teams and accounts, created only in the {@code demo} profile (the local run) and listed on the login
 * page there. Every service may create them; doing it twice changes nothing. Runs after all singletons, so
 * after the shared schemas are migrated.
 */
public class DemoAccounts implements SmartInitializingSingleton {

    public static final String PASSWORD = "demo";

    /** {@code team} is null for the organisation-wide roles (prevention officer, management). */
    public record DemoAccount(String username, String displayName, Role role, TeamId team) {
    }

    public static final TeamId NOORD = new TeamId("ambulant-noord");
    public static final TeamId ZUID = new TeamId("woongroep-zuid");

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("sanne", "Sanne de Vries", Role.STAFF, NOORD),
            new DemoAccount("mark", "Mark Jansen", Role.TEAM_LEADER, NOORD),
            new DemoAccount("bram", "Bram Visser", Role.PEER_SUPPORTER, NOORD),
            new DemoAccount("fatima", "Fatima El Amrani", Role.STAFF, ZUID),
            new DemoAccount("peter", "Peter Bakker", Role.TEAM_LEADER, ZUID),
            new DemoAccount("pim", "Pim Verhoeven", Role.PREVENTION_OFFICER, null),
            new DemoAccount("mila", "Mila de Boer", Role.MANAGEMENT, null),
            new DemoAccount("ad", "Ad Beheer", Role.ADMIN, null));

    private final AccountDirectory directory;
    private final PasswordEncoder encoder;

    /** With Spring Security's default encoder (bcrypt), as a test that sets up the directory by hand may. */
    public DemoAccounts(AccountDirectory directory) {
        this(directory, PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    public DemoAccounts(AccountDirectory directory, PasswordEncoder encoder) {
        this.directory = directory;
        this.encoder = encoder;
    }

    public List<DemoAccount> accounts() {
        return ACCOUNTS;
    }

    @Override
    public void afterSingletonsInstantiated() {
        directory.saveTeam(NOORD, "Ambulant team Noord");
        directory.saveTeam(ZUID, "Woongroep Zuid");
        for (DemoAccount account : ACCOUNTS) {
            if (directory.hasAccount(account.username())) {
                continue;
            }
            boolean leader = account.role() == Role.TEAM_LEADER;
            // everyone works here, so everyone may report; the organisation-wide roles belong to no team
            Set<Role> roles = account.role() == Role.STAFF ? Set.of(Role.STAFF) : Set.of(account.role(), Role.STAFF);
            Set<TeamId> teams = account.team() == null ? Set.of() : Set.of(account.team());
            directory.saveAccount(account.username(), account.displayName(),
                    account.username() + "@demo.veiligwerken.local", encoder.encode(PASSWORD),
                    roles, teams, leader ? teams : Set.of());
        }
    }
}
