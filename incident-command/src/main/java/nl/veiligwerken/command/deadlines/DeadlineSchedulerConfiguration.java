package nl.veiligwerken.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.scheduling.annotation.Scheduled;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * The persistent schedule behind Axon's deadline manager (db-scheduler on PostgreSQL). Axon's auto-configuration
 * supplies the tasks and builds the deadline manager once a {@link Scheduler} exists, but leaves starting and
 * stopping it to the application: it starts when the context is ready and stops before the database goes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadlineSchedulerConfiguration.DeadlineProperties.class)
class DeadlineSchedulerConfiguration {

    /**
     * @param pollingInterval how often due deadlines are looked for: a deadline fires at most this late
     * @param threads         deadlines handled at once
     */
    @ConfigurationProperties("veilig-werken.deadlines")
    record DeadlineProperties(@DefaultValue("5s") Duration pollingInterval, @DefaultValue("2") int threads) {
    }

    /**
     * The scheduler writes through the transaction's own connection: a command schedules its deadlines in the
     * transaction that appends its events (Axon's prepare-commit), so they commit or roll back together. On the
     * bare data source it took a second connection from the pool per command; with as many concurrent commands as
     * the pool has connections, each held one and waited for another until the pool's timeout (30 s), which the
     * benchmark found (docs/performance.md). Outside a transaction (polling, executing) the proxy hands out plain
     * pooled connections, as db-scheduler's own Spring Boot starter does.
     */
    @Bean
    Scheduler deadlineScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
                .tableName("command.scheduled_tasks")
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .build();
    }

    /**
     * Axon's auto-configuration would build a plain {@link DbSchedulerDeadlineManager} the same way; this one keeps
     * the index that makes cancelling an incident's deadline a lookup instead of a pass over every deadline.
     * Started and stopped with the scheduler below, not by Axon.
     */
    @Bean
    IndexedDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                           @Qualifier("eventSerializer") Serializer serializer,
                                           TransactionManager transactionManager,
                                           DeadlineManagerSpanFactory spanFactory, DataSource dataSource) {
        DbSchedulerDeadlineManager.Builder builder = DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false);
        return new IndexedDeadlineManager(builder, scheduler, serializer, JdbcClient.create(dataSource));
    }

    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler scheduler, IndexedDeadlineManager deadlines) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlines.indexUnindexed();
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            /** Late in start-up, early in shut-down: after and before Axon's own components. */
            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100;
            }
        };
    }

    /** Removes the index rows of deadlines that have fired, now and then. */
    @Bean
    DeadlineIndexUpkeep deadlineIndexUpkeep(IndexedDeadlineManager deadlines) {
        return new DeadlineIndexUpkeep(deadlines);
    }

    static final class DeadlineIndexUpkeep {
        private final IndexedDeadlineManager deadlines;

        DeadlineIndexUpkeep(IndexedDeadlineManager deadlines) {
            this.deadlines = deadlines;
        }

        @Scheduled(fixedDelayString = "${veilig-werken.deadlines.index-upkeep:1h}",
                initialDelayString = "${veilig-werken.deadlines.index-upkeep:1h}")
        void forgetFired() {
            deadlines.forgetFired();
        }
    }
}
