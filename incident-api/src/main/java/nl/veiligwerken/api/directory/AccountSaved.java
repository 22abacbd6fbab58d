package nl.veiligwerken.api.directory;

import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static java.util.Collections.unmodifiableSet;

/**
 * An account as the directory holds it now (Kafka type {@code nl.veiligwerken.directory.account-saved.v1}, key
 * {@code account:<username>}): who it is, how to address them, whether they may still be told anything, and
 * every role and team they have. The whole picture, never a difference, so a consumer applies the latest one
 * per account and can apply it twice. No password, nothing about sessions.
 *
 * @param leads the teams this account leads; each is also in {@code memberOf}
 */
public record AccountSaved(
        String username,
        String displayName,
        String email,
        String language,
        boolean enabled,
        Set<Role> roles,
        Set<TeamId> memberOf,
        Set<TeamId> leads) {

    public AccountSaved {
        Objects.requireNonNull(username, "username");
        if (username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        language = language == null ? "nl" : language;
        roles = sorted(roles, Role::name);
        leads = sorted(leads, TeamId::value);
        LinkedHashSet<TeamId> teams = new LinkedHashSet<>(memberOf == null ? Set.of() : memberOf);
        teams.addAll(leads);
        memberOf = sorted(teams, TeamId::value);
    }

    /** Sorted, so the same account always reads the same on the topic. */
    private static <T> Set<T> sorted(Collection<T> values, Function<T, String> key) {
        if (values == null) {
            return Set.of();
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>();
        values.stream().map(v -> Objects.requireNonNull(v, "element")).sorted(Comparator.comparing(key)).forEach(copy::add);
        return unmodifiableSet(copy);
    }
}
