-- The team leader's task list: one row per scheduled protocol step, read per team, earliest due first.
-- (V1 is Axon's processing tables, from the platform's db/axon.)
create table task (
    task_id       varchar(255) primary key,
    incident_id   varchar(255) not null,
    team_id       varchar(64)  not null,
    step          varchar(64)  not null,
    assignee_role varchar(32)  not null,
    scheduled_at  timestamptz  not null,
    due_at        timestamptz  not null,
    status        varchar(16)  not null default 'OPEN'
);
create index task_open_by_team on task (team_id, due_at) where status = 'OPEN';
