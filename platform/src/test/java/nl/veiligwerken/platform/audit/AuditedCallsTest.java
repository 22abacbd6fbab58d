package nl.veiligwerken.platform.audit;

import nl.veiligwerken.platform.web.ApiProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;

/** What {@link AuditedCalls} records around a controller method, with the log replaced by a list. */
class AuditedCallsTest {

    static class Reads {
        boolean allowed = true;

        @Audited(AuditAction.INCIDENT_READ)
        public String incident() {
            if (!allowed) {
                throw new AccessDeniedException("not theirs");
            }
            return "incidents/detail";
        }

        @Audited(AuditAction.EXPORT_CSV)
        public ResponseEntity<String> export(HttpStatus status) {
            AuditLog.subject("team=noord quarter=2026-Q1");
            return ResponseEntity.status(status).body("csv");
        }

        public String notAudited() {
            return "other";
        }
    }

    private final List<AuditLog.Entry> written = new ArrayList<>();
    private boolean logDown;
    private final Reads target = new Reads();
    private Reads reads;

    @BeforeEach
    void signedInRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/incidents/inc-1");
        request.setQueryString("seen=secret");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("id", "inc-1"));
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("mark",
                null, AuthorityUtils.createAuthorityList("ROLE_TEAM_LEADER", "ROLE_STAFF", "FACTOR_PASSWORD")));

        AuditLog log = mock(AuditLog.class);
        doAnswer(call -> {
            if (logDown) {
                throw new IllegalStateException("database away");
            }
            written.add(call.getArgument(0));
            return null;
        }).when(log).record(any());
        ObjectProvider<AuditLog> provider = new org.springframework.beans.factory.support.StaticListableBeanFactory(
                Map.of("auditLog", log)).getBeanProvider(AuditLog.class);
        ProxyFactory proxy = new ProxyFactory(target);
        proxy.setProxyTargetClass(true);
        proxy.addAdvisor(new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class),
                new AuditedCalls(provider, "incident-query", false)));
        reads = (Reads) proxy.getProxy();
    }

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSuccessfulReadIsRecordedWithWhoWhatAndThePathWithoutItsQuery() {
        assertThat(reads.incident()).isEqualTo("incidents/detail");

        assertThat(written).singleElement().satisfies(entry -> {
            assertThat(entry.username()).isEqualTo("mark");
            assertThat(entry.roles()).isEqualTo("STAFF,TEAM_LEADER");
            assertThat(entry.action()).isEqualTo(AuditAction.INCIDENT_READ);
            assertThat(entry.incidentId()).isEqualTo("inc-1");
            assertThat(entry.service()).isEqualTo("incident-query");
            assertThat(entry.path()).isEqualTo("/incidents/inc-1");
            assertThat(entry.clientIp()).isNull();
        });
    }

    @Test
    void aRefusedReadOrAnAnswerThatIsNotASuccessIsNotRecorded() {
        target.allowed = false;
        assertThatThrownBy(reads::incident).isInstanceOf(AccessDeniedException.class);
        reads.export(HttpStatus.NOT_FOUND);
        reads.notAudited();

        assertThat(written).isEmpty();
    }

    @Test
    void anExportIsRecordedWithTheSubjectTheControllerNamed() {
        reads.export(HttpStatus.OK);

        assertThat(written).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(AuditAction.EXPORT_CSV);
            assertThat(entry.subject()).isEqualTo("team=noord quarter=2026-Q1");
        });
    }

    @Test
    void aReadThatCannotBeRecordedIsRefused() {
        logDown = true;

        assertThatThrownBy(reads::incident).isInstanceOfSatisfying(ApiProblemException.class,
                problem -> assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }
}
