package nl.veiligwerken.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

import java.util.Optional;

/**
 * The signed-in person as the directory says now, not as it said at sign-in. The shared session keeps the
 * {@link VwUser} of the moment of signing in for up to 8 hours; reading it back, this looks the person up again
 * (three indexed look-ups) and, when roles, teams or name changed, puts the new picture in the session, so a
 * leader taken off a team loses its incidents at the next request, on every service. A disabled or removed
 * account is signed out: the session is invalidated, pages send to the login page and the API answers 401.
 * <p>
 * A bean of its own, so slice tests that mock the directory leave it out and keep their test sign-in.
 */
public class DirectoryRefreshingSecurityContextRepository implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
    private final AccountDirectory directory;

    public DirectoryRefreshingSecurityContextRepository(AccountDirectory directory) {
        this.directory = directory;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext stored = sessions.loadDeferredContext(request);
        return new DeferredSecurityContext() {
            private SecurityContext context;
            private boolean generated;

            @Override
            public SecurityContext get() {
                if (context == null) {
                    SecurityContext held = stored.get();
                    context = refresh(request, held);
                    generated = context == held ? stored.isGenerated() : context.getAuthentication() == null;
                }
                return context;
            }

            @Override
            public boolean isGenerated() {
                get();
                return generated;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder requestResponseHolder) {
        return refresh(requestResponseHolder.getRequest(), sessions.loadContext(requestResponseHolder));
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessions.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessions.containsContext(request);
    }

    private SecurityContext refresh(HttpServletRequest request, SecurityContext context) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof VwUser held)) {
            return context;
        }
        Optional<VwUser> now = directory.find(held.getUsername());
        HttpSession session = request.getSession(false);
        if (now.isEmpty() || !now.get().isEnabled()) {
            if (session != null) {
                session.invalidate();
            }
            return holder.createEmptyContext();
        }
        VwUser current = now.get();
        if (current.sameAccessAs(held)) {
            return context;
        }
        current.eraseCredentials();
        UsernamePasswordAuthenticationToken replaced =
                UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
        replaced.setDetails(authentication.getDetails());
        SecurityContext fresh = holder.createEmptyContext();
        fresh.setAuthentication(replaced);
        if (session != null) {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, fresh);
        }
        return fresh;
    }
}
