package nl.veiligwerken.platform.audit;

import jakarta.servlet.http.HttpServletRequest;
import nl.veiligwerken.platform.security.VwUser;
import nl.veiligwerken.platform.web.ApiProblemException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Records every successful call of an {@link Audited} controller method in the {@link AuditLog}, after the method
 * decided the person may read (it returned) and before the answer is written: a JSON body or a file is only
 * written once the method has returned, so recording here, unlike in a {@code HandlerInterceptor}'s
 * {@code postHandle}, can still refuse the read.
 *
 * <p>When the row cannot be written the read is refused with 503: an unrecorded read of special personal data is
 * worse than a page that fails, and the reader can try again.
 */
public class AuditedCalls implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditedCalls.class);

    private final ObjectProvider<AuditLog> auditLog;
    private final String service;
    private final boolean recordClientIp;

    /** The log is looked up at the first call: this advice is made early, before the data source. */
    public AuditedCalls(ObjectProvider<AuditLog> auditLog, String service, boolean recordClientIp) {
        this.auditLog = auditLog;
        this.service = service;
        this.recordClientIp = recordClientIp;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object answer = invocation.proceed();
        if (answer instanceof ResponseEntity<?> entity && !entity.getStatusCode().is2xxSuccessful()) {
            return answer;
        }
        Audited audited = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Audited.class);
        if (audited != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            record(audited.value(), request.getRequest());
        }
        return answer;
    }

    private void record(AuditAction action, HttpServletRequest request) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            // every audited endpoint demands sign-in: an anonymous read here is a configuration error
            throw new IllegalStateException("audited read without a signed-in person: " + request.getRequestURI());
        }
        // the roles only: not the other authorities sign-in adds (how the person proved who they are)
        String roles = who.getPrincipal() instanceof VwUser user
                ? user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","))
                : who.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5)).sorted().collect(Collectors.joining(","));
        AuditLog.Entry entry = new AuditLog.Entry(0, null, who.getName(), roles, action, incidentOf(request),
                (String) request.getAttribute(AuditLog.SUBJECT_ATTRIBUTE), service, request.getRequestURI(),
                recordClientIp ? request.getRemoteAddr() : null);
        try {
            auditLog.getObject().record(entry);
        } catch (RuntimeException e) {
            log.error("Read of {} by {} refused: the audit log cannot be written", entry.path(), entry.username(), e);
            throw new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, "problem.auditUnavailable");
        }
    }

    @SuppressWarnings("unchecked")
    private static String incidentOf(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map) {
            Map<String, String> path = (Map<String, String>) map;
            return path.getOrDefault("incidentId", path.get("id"));
        }
        return null;
    }
}
