-- More kinds of notification (issue 5). Feedback for a reporter may come without a team; a notification keeps
-- where its link leads (the task list for a leader, the compliance figures for management, ...), the colleague
-- and the earlier talk's signal of a check-in reminder, and how many of the report's tasks a new-incident
-- notification stands for (they are folded into it instead of each mailing on its own).
alter table notification alter column team_id drop not null;
alter table notification alter column team_name drop not null;
alter table notification add column link varchar(16) not null default 'TASK_LIST'
    check (link in ('TASK_LIST', 'INCIDENT', 'STEP_FORM', 'MY_REPORTS', 'COMPLIANCE'));
alter table notification add column colleague_name varchar(200);
alter table notification add column aftercare_signal varchar(16)
    check (aftercare_signal in ('HELD', 'DECLINED', 'NEEDS_MORE_HELP'));
alter table notification add column task_count integer not null default 0;
create index notification_incident on notification (incident_id, recipient_username) where kind = 'NEW_INCIDENT';

-- The tasks as far as reminders need them: scheduled → OPEN; completed → DONE; withdrawn → WITHDRAWN; an overdue
-- task stays OPEN (it can still be done) but gets no more due-soon reminders.
create table open_task (
    task_id       varchar(255) primary key,
    incident_id   varchar(255) not null,
    team_id       varchar(64)  not null,
    step          varchar(64)  not null,
    assignee_role varchar(32),
    assignee      varchar(64),
    scheduled_at  timestamptz  not null,
    due_at        timestamptz  not null,
    state         varchar(16)  not null check (state in ('OPEN', 'DONE', 'WITHDRAWN')),
    overdue       boolean      not null default false,
    closed_at     timestamptz
);
create index open_task_reminders on open_task (due_at) where state = 'OPEN' and not overdue;

-- When each incident was reported: the tasks scheduled at that moment are the report's own.
create table reported_incident (
    incident_id varchar(255) primary key,
    team_id     varchar(64)  not null,
    reported_at timestamptz  not null
);

-- The latest aftercare talk of each incident: who the colleague is and the signal for the next check-in.
create table aftercare_talk (
    incident_id     varchar(255) primary key,
    colleague       varchar(64)  not null,
    step            varchar(64)  not null,
    held_at         timestamptz  not null,
    outcome         varchar(16)  not null,
    needs_more_help boolean      not null
);
