package nl.veiligwerken.platform.security;

import nl.veiligwerken.api.Actor;
import nl.veiligwerken.api.Role;
import nl.veiligwerken.api.TeamId;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The signed-in person. Lives in the shared session, so every service reads the same roles and teams.
 * {@code memberOf} are the teams the person works in; {@code leads} the teams they lead as team leader.
 */
public final class VwUser implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final String email;
    private String passwordHash;
    private final boolean enabled;
    private final Set<Role> roles;
    private final Set<TeamId> memberOf;
    private final Set<TeamId> leads;
    /**
     * Until when sign-in is paused after repeated failures (null: not paused). Only for the moment of signing in,
     * so never kept in the session: a session read back has null here.
     */
    private final transient Instant lockedUntil;

    public VwUser(String username, String displayName, String email, String passwordHash, boolean enabled,
                  Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads) {
        this(username, displayName, email, passwordHash, enabled, roles, memberOf, leads, null);
    }

    public VwUser(String username, String displayName, String email, String passwordHash, boolean enabled,
                  Set<Role> roles, Set<TeamId> memberOf, Set<TeamId> leads, Instant lockedUntil) {
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.roles = Set.copyOf(roles);
        this.memberOf = Set.copyOf(memberOf);
        this.leads = Set.copyOf(leads);
        this.lockedUntil = lockedUntil;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public Set<Role> roles() {
        return roles;
    }

    public Set<TeamId> memberOf() {
        return memberOf;
    }

    public Set<TeamId> leads() {
        return leads;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean isMemberOf(TeamId team) {
        return memberOf.contains(team) || leads.contains(team);
    }

    /** A team leader may act for a team only when they lead it. */
    public boolean leads(TeamId team) {
        return hasRole(Role.TEAM_LEADER) && leads.contains(team);
    }

    /** Whether sign-in is paused at {@code now} after repeated failures. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /**
     * Whether the other picture of the same person gives the same access and shows the same name: when not, a
     * session still holding this one must take the other.
     */
    public boolean sameAccessAs(VwUser other) {
        return username.equals(other.username) && enabled == other.enabled && roles.equals(other.roles)
                && memberOf.equals(other.memberOf) && leads.equals(other.leads)
                && displayName.equals(other.displayName) && email.equals(other.email);
    }

    /** The person as commands carry them: name, roles and teams, from the session, never from a request. */
    public Actor actor() {
        return new Actor(username, roles, memberOf, leads);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).collect(Collectors.toSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VwUser other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "VwUser[" + username + "]";
    }
}
