package nl.veiligwerken.platform;

import nl.veiligwerken.platform.audit.AuditLog;
import nl.veiligwerken.platform.audit.Audited;
import nl.veiligwerken.platform.audit.AuditedCalls;
import nl.veiligwerken.platform.db.SharedSchemaMigrations;
import nl.veiligwerken.platform.notifications.UnreadNotifications;
import nl.veiligwerken.platform.security.AccountDirectory;
import nl.veiligwerken.platform.security.DemoAccounts;
import nl.veiligwerken.platform.security.DirectoryRefreshingSecurityContextRepository;
import nl.veiligwerken.platform.security.OidcAccounts;
import nl.veiligwerken.platform.security.OidcClaimMapping;
import nl.veiligwerken.platform.security.SignInLockout;
import nl.veiligwerken.platform.security.SecurityConfiguration;
import nl.veiligwerken.platform.web.ApiMappingProblemHandler;
import nl.veiligwerken.platform.web.ApiProblemHandler;
import nl.veiligwerken.platform.web.FormRowLimit;
import nl.veiligwerken.platform.web.LayoutModelAdvice;
import nl.veiligwerken.platform.web.NulParameterGuard;
import nl.veiligwerken.platform.web.LoginController;
import nl.veiligwerken.platform.web.ProblemResponses;
import nl.veiligwerken.platform.web.StorageUnavailableFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.sql.DataSource;
import java.time.Clock;


/** What every Veilig Werken service gets by depending on this module. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
@Import({SecurityConfiguration.class, LoginController.class, LayoutModelAdvice.class, ApiProblemHandler.class,
        ApiMappingProblemHandler.class})
public class PlatformAutoConfiguration {

    @Bean
    SharedSchemaMigrations sharedSchemaMigrations(DataSource dataSource, PlatformProperties properties) {
        return new SharedSchemaMigrations(dataSource, properties.sharedSchemas());
    }

    /** Shared schemas first, so a service's own migrations and Hibernate's validation find them. */
    @Bean
    FlywayMigrationStrategy sharedSchemasFirst(SharedSchemaMigrations shared) {
        return flyway -> {
            shared.migrate();
            flyway.migrate();
        };
    }

    @Bean
    FormRowLimit formRowLimit() {
        return new FormRowLimit();
    }

    @Bean
    NulParameterGuard nulParameterGuard(ProblemResponses problems) {
        return new NulParameterGuard(problems);
    }

    /** First of all filters, before Spring Session's, which reads the session from the database. */
    @Bean
    FilterRegistrationBean<StorageUnavailableFilter> storageUnavailableFilter(ProblemResponses problems) {
        FilterRegistrationBean<StorageUnavailableFilter> registration =
                new FilterRegistrationBean<>(new StorageUnavailableFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    AccountDirectory accountDirectory(DataSource dataSource) {
        return new AccountDirectory(dataSource);
    }

    /** Every request sees the person as the directory says now (not in slice tests, which mock the directory). */
    @Bean
    DirectoryRefreshingSecurityContextRepository directoryRefreshingSecurityContextRepository(AccountDirectory directory) {
        return new DirectoryRefreshingSecurityContextRepository(directory);
    }

    @Bean
    SignInLockout signInLockout(AccountDirectory directory, PlatformProperties properties, Clock clock) {
        return new SignInLockout(directory, properties.security().lockout(), clock);
    }

    /**
     * Password sign-in (form and HTTP Basic) from the directory; whether the account is disabled or paused is
     * checked after the password, and an old hash is rehashed with the current algorithm at sign-in.
     */
    @Bean
    DaoAuthenticationProvider passwordSignIn(AccountDirectory directory, PasswordEncoder passwordEncoder,
                                             SignInLockout lockout) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(directory);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setUserDetailsPasswordService(directory);
        provider.setPreAuthenticationChecks(SignInLockout.beforePasswordCheck());
        provider.setPostAuthenticationChecks(lockout.afterPasswordCheck());
        return provider;
    }

    /** Used only when an OpenID Connect registration is configured ({@code spring.security.oauth2.client.registration.*}). */
    @Bean
    OidcAccounts oidcAccounts(AccountDirectory directory, PlatformProperties properties) {
        return new OidcAccounts(directory, new OidcClaimMapping(properties.security().oidc()));
    }

    /** The count in every page's header, from the notifier's published view. */
    @Bean
    UnreadNotifications unreadNotifications(DataSource dataSource) {
        return new UnreadNotifications(dataSource);
    }

    /** Who read which incident's details, in the shared {@code audit} schema; in a transaction of its own. */
    @Bean
    AuditLog auditLog(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactions) {
        return new AuditLog(dataSource, transactions.getIfUnique(() -> new DataSourceTransactionManager(dataSource)));
    }

    /**
     * Records the calls of {@link Audited} controller methods. An infrastructure advisor, so the proxy creator that
     * method security already registers applies it; static, so it is made before the controllers it wraps.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor auditedCallsAdvisor(ObjectProvider<AuditLog> auditLog, Environment environment) {
        AuditedCalls advice = new AuditedCalls(auditLog, environment.getProperty("spring.application.name", "unknown"),
                environment.getProperty("veilig-werken.audit.record-client-ip", Boolean.class, false));
        return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class), advice);
    }

    /** Replaceable, so a test can move the service's "now" (a report made a day ago) while time runs on. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    OrganisationTime organisationTime(PlatformProperties properties, Clock clock) {
        return new OrganisationTime(properties.zone(), clock);
    }

    @Bean
    @Profile("demo")
    DemoAccounts demoAccounts(AccountDirectory directory, PasswordEncoder passwordEncoder) {
        return new DemoAccounts(directory, passwordEncoder);
    }
}
