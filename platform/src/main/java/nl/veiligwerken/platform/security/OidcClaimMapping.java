package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import nl.veiligwerken.platform.PlatformProperties;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns the claims of an OpenID Connect ID token (or user info) into the account it stands for, by the claim names
 * and role mapping of {@code veilig-werken.security.oidc.*}. A claim may hold a list or one string (several
 * values apart by spaces or commas). Claim values that are no known role, and teams the directory does not
 * have, are left out: the identity provider grants no more than this system knows.
 */
public final class OidcClaimMapping {

    /** The account as the claims describe it. */
    public record MappedAccount(String username, String displayName, String email, Set<Role> roles,
                                Set<TeamId> memberOf, Set<TeamId> leads) {
    }

    private final PlatformProperties.Oidc settings;

    public OidcClaimMapping(PlatformProperties.Oidc settings) {
        this.settings = settings;
    }

    /**
     * The account, or empty when the claims name nobody or give no known role (such a sign-in is refused).
     *
     * @param knownTeam whether the directory has a team of that id
     */
    public Optional<MappedAccount> map(Map<String, Object> claims, Predicate<TeamId> knownTeam) {
        String username = single(claims, settings.usernameClaim());
        if (username == null || username.isBlank() || username.length() > 64) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String value : values(claims, settings.rolesClaim())) {
            role(value).ifPresent(roles::add);
        }
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        Set<TeamId> teams = teams(claims, settings.teamsClaim(), knownTeam);
        Set<TeamId> leads;
        if (!roles.contains(Role.TEAM_LEADER)) {
            leads = Set.of();
        } else if (settings.leadsClaim() == null || settings.leadsClaim().isBlank()) {
            leads = teams;
        } else {
            leads = teams(claims, settings.leadsClaim(), knownTeam);
        }
        Set<TeamId> memberOf = new LinkedHashSet<>(teams);
        memberOf.addAll(leads);
        String name = single(claims, settings.nameClaim());
        String email = single(claims, settings.emailClaim());
        return Optional.of(new MappedAccount(username, name == null || name.isBlank() ? username : name,
                email == null ? "" : email, Set.copyOf(roles), Set.copyOf(memberOf), Set.copyOf(leads)));
    }

    private Optional<Role> role(String value) {
        Map<String, String> mapping = settings.roleMapping() == null ? Map.of() : settings.roleMapping();
        String mapped = mapping.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(value))
                .map(Map.Entry::getValue).findFirst().orElse(value);
        String name = mapped.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static Set<TeamId> teams(Map<String, Object> claims, String claim, Predicate<TeamId> knownTeam) {
        return values(claims, claim).stream().map(TeamId::new).filter(knownTeam)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> values(Map<String, Object> claims, String claim) {
        Object value = claim == null ? null : claims.get(claim);
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    values.add(v.toString().trim());
                }
            });
        } else if (value != null) {
            for (String part : value.toString().split("[\\s,]+")) {
                if (!part.isBlank()) {
                    values.add(part);
                }
            }
        }
        return values;
    }

    private static String single(Map<String, Object> claims, String claim) {
        Object value = claim == null ? null : claims.get(claim);
        return value == null ? null : value.toString();
    }
}
