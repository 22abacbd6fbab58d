-- Protocol compliance per team and quarter: each incident's quarter (from when it was reported, in the
-- organisation's zone) and each of its protocol tasks with how it ended. A task's due time was set by the
-- agreement version the incident is held to, so counting these rows evaluates each incident by its own version.
create table compliance_incident (
    incident_id      varchar(64) primary key,
    team_id          varchar(64) not null,
    quarter          varchar(7)  not null,
    protocol_version integer     not null
);

create table compliance_task (
    task_id      varchar(128) primary key,
    incident_id  varchar(64)  not null,
    team_id      varchar(64)  not null,
    quarter      varchar(7)   not null,
    step         varchar(32)  not null,
    due_at       timestamptz  not null,
    status       varchar(16)  not null, -- OPEN, OVERDUE, DONE, WITHDRAWN
    late         boolean      not null default false,
    completed_at timestamptz
);

create index compliance_task_by_team_quarter on compliance_task (team_id, quarter, step);
