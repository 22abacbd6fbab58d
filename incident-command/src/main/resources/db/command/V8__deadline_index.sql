-- Which scheduled deadline belongs to which name and scope (an incident), so that cancelling an incident's
-- deadline finds its row by index. Axon's db-scheduler deadline manager finds it by reading and deserializing
-- every scheduled deadline of the whole organisation, once per cancellation (docs/performance.md).
-- schedule_id is scheduled_tasks.task_instance of task 'AxonDeadline'; scope is the scope as Axon serializes it.
create table deadline_index (
    schedule_id   text  not null primary key,
    deadline_name text  not null,
    scope         bytea not null
);
create index deadline_index_name_scope on deadline_index (deadline_name, scope);
