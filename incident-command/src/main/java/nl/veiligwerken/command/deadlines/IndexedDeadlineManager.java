package nl.veiligwerken.command.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import jakarta.annotation.Nonnull;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;

/**
 * Axon's db-scheduler deadline manager, with an index for cancelling. Axon cancels "every deadline of this name in
 * this incident" by reading every scheduled deadline of the organisation from the database and deserializing each
 * one to compare its name and scope: a step command cost a pass over all open deadlines, so it slowed down as the
 * organisation's open tasks grew, and eight at once could fill the heap (docs/performance.md). Here each scheduled
 * deadline also gets a row in {@code deadline_index} (name, serialized scope, schedule id), written in the same
 * transaction as the schedule itself, and cancelling looks its rows up by name and scope.
 * <p>
 * Scheduling, firing and the stored form of a deadline are Axon's; deadlines scheduled before the index existed are
 * indexed once at start ({@link #indexUnindexed()}), and rows of deadlines that have fired are removed by
 * {@link #forgetFired()}.
 */
public class IndexedDeadlineManager extends DbSchedulerDeadlineManager {

    /** The db-scheduler task Axon schedules its deadlines as (binary form, Axon's default). */
    static final String TASK_NAME = "AxonDeadline";

    private static final Logger log = LoggerFactory.getLogger(IndexedDeadlineManager.class);

    private final Scheduler scheduler;
    private final Serializer serializer;
    private final JdbcClient jdbc;

    IndexedDeadlineManager(Builder builder, Scheduler scheduler, Serializer serializer, JdbcClient jdbc) {
        super(builder);
        this.scheduler = scheduler;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName,
                           Object messageOrPayload, @Nonnull ScopeDescriptor deadlineScope) {
        String scheduleId = super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        byte[] scope = serializedScope(deadlineScope);
        // after Axon's own prepare-commit step, which writes the scheduled task: both in the command's transaction
        runOnPrepareCommitOrNow(() -> jdbc.sql("""
                        insert into command.deadline_index (schedule_id, deadline_name, scope) values (?, ?, ?)
                        on conflict (schedule_id) do nothing""")
                .params(scheduleId, deadlineName, scope)
                .update());
        return scheduleId;
    }

    @Override
    public void cancelAllWithinScope(@Nonnull String deadlineName, @Nonnull ScopeDescriptor scope) {
        byte[] serialized = serializedScope(scope);
        runOnPrepareCommitOrNow(() -> {
            // the index rows go in any case. A deadline that has fired is gone from the schedule; one that is firing
            // right now (picked) is left to finish, as Axon's own cancel leaves it (db-scheduler refuses to cancel
            // it): its handler finds the step done and does nothing
            List<String> scheduled = jdbc.sql("""
                            with gone as (
                                delete from command.deadline_index where deadline_name = ? and scope = ?
                                returning schedule_id)
                            select t.task_instance from gone
                              join command.scheduled_tasks t on t.task_name = ? and t.task_instance = gone.schedule_id
                             where not t.picked""")
                    .params(deadlineName, serialized, TASK_NAME)
                    .query(String.class)
                    .list();
            scheduled.forEach(id -> scheduler.cancel(TaskInstanceId.of(TASK_NAME, id)));
        });
    }

    /**
     * Indexes the deadlines scheduled before the index existed (or by another version of this service), so that
     * cancelling finds them too. One pass over the schedule, only when a deadline without its row is found.
     */
    public void indexUnindexed() {
        boolean anyMissing = jdbc.sql("""
                        select exists (select 1 from command.scheduled_tasks t
                                        where t.task_name = ?
                                          and not exists (select 1 from command.deadline_index i
                                                           where i.schedule_id = t.task_instance))""")
                .param(TASK_NAME)
                .query(Boolean.class)
                .single();
        if (!anyMissing) {
            return;
        }
        int[] indexed = {0};
        scheduler.fetchScheduledExecutionsForTask(TASK_NAME, DbSchedulerBinaryDeadlineDetails.class, execution -> {
            DbSchedulerBinaryDeadlineDetails details = execution.getData();
            indexed[0] += jdbc.sql("""
                            insert into command.deadline_index (schedule_id, deadline_name, scope) values (?, ?, ?)
                            on conflict (schedule_id) do nothing""")
                    .params(execution.getTaskInstance().getId(), details.getD(), details.getS())
                    .update();
        });
        log.info("Indexed {} deadline(s) scheduled before the deadline index existed", indexed[0]);
    }

    /** Removes the rows of deadlines that have fired (or were cancelled by id): their task is gone. */
    public int forgetFired() {
        return jdbc.sql("""
                        delete from command.deadline_index i
                         where not exists (select 1 from command.scheduled_tasks t
                                            where t.task_name = ? and t.task_instance = i.schedule_id)""")
                .param(TASK_NAME)
                .update();
    }

    private byte[] serializedScope(ScopeDescriptor scope) {
        // as Axon stores it in the deadline (DbSchedulerBinaryDeadlineDetails.getS), so indexed rows compare equal
        return serializer.serialize(scope, byte[].class).getData();
    }
}
