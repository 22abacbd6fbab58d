package nl.veiligwerken.platform.security;

import nl.veiligwerken.platform.PlatformProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;

import java.time.Clock;

/**
 * Pauses sign-in to an account after repeated failed attempts ({@code veilig-werken.security.lockout.*}), for the
 * form login and HTTP Basic alike: both end in the same authentication events. The pause (and a disabled account)
 * is checked only after the password was compared, so a paused account answers as slowly, and with the same
 * generic message, as a wrong password or an unknown name: nothing tells which accounts exist.
 */
public class SignInLockout {

    private final AccountDirectory directory;
    private final PlatformProperties.Lockout settings;
    private final Clock clock;

    public SignInLockout(AccountDirectory directory, PlatformProperties.Lockout settings, Clock clock) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        directory.recordFailedSignIn(event.getAuthentication().getName(), clock.instant(),
                settings.maxFailures(), settings.window(), settings.duration());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof VwUser user) {
            directory.recordSuccessfulSignIn(user.getUsername());
        }
    }

    /** Refuses a paused or disabled account once its password has been checked. */
    public UserDetailsChecker afterPasswordCheck() {
        return user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("account disabled");
            }
            if (user instanceof VwUser vw && vw.lockedAt(clock.instant())) {
                throw new LockedException("sign-in paused");
            }
        };
    }

    /** Nothing before the password check (see the class comment). */
    public static UserDetailsChecker beforePasswordCheck() {
        return (UserDetails user) -> {
        };
    }
}
