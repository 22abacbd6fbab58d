package nl.veiligwerken.platform.security;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Map;
import java.util.Optional;

/**
 * Sign-in through OpenID Connect (Keycloak, Entra ID, ...): the claims become an account in the directory,
 * created or brought up to date at each sign-in (so, like any change of the directory, it reaches the notifier
 * through the directory's outbox), and the session then holds the same {@link VwUser} as after a form login.
 * An account the directory has disabled stays out, whatever the identity provider says.
 */
public class OidcAccounts {

    private final AccountDirectory directory;
    private final OidcClaimMapping mapping;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    public OidcAccounts(AccountDirectory directory, OidcClaimMapping mapping) {
        this.directory = directory;
        this.mapping = mapping;
    }

    /** Loads the OIDC user as usual, then writes the account its claims describe to the directory. */
    public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser oidcUser = standard.loadUser(request);
            save(oidcUser.getClaims());
            return oidcUser;
        };
    }

    /**
     * Creates or updates the account the claims describe; refuses claims without a username or a known role,
     * and an account the directory has disabled.
     */
    public OidcClaimMapping.MappedAccount save(Map<String, Object> claims) {
        OidcClaimMapping.MappedAccount account = mapping.map(claims, team -> directory.team(team).isPresent())
                .orElseThrow(() -> refused("no username or no known role in the claims"));
        if (directory.find(account.username()).map(existing -> !existing.isEnabled()).orElse(false)) {
            throw refused("account disabled");
        }
        directory.saveExternalAccount(account.username(), account.displayName(), account.email(),
                account.roles(), account.memberOf(), account.leads());
        return account;
    }

    /**
     * Replaces the OIDC authentication with the directory's {@link VwUser}, saved in the session as a form login
     * would, then goes on to the page first asked for.
     */
    public AuthenticationSuccessHandler successHandler(SecurityContextRepository contexts) {
        SavedRequestAwareAuthenticationSuccessHandler onwards = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            String username = authentication.getPrincipal() instanceof OidcUser oidcUser
                    ? mapping.map(oidcUser.getClaims(), team -> true).map(OidcClaimMapping.MappedAccount::username).orElse(null)
                    : null;
            Optional<VwUser> user = username == null ? Optional.empty() : directory.find(username).filter(VwUser::isEnabled);
            if (user.isEmpty()) {
                holder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            VwUser vwUser = user.get();
            vwUser.eraseCredentials();
            UsernamePasswordAuthenticationToken signedIn =
                    UsernamePasswordAuthenticationToken.authenticated(vwUser, null, vwUser.getAuthorities());
            signedIn.setDetails(authentication.getDetails());
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(signedIn);
            holder.setContext(context);
            contexts.saveContext(context, request, response);
            onwards.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied"), reason);
    }
}
