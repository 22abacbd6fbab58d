-- "My reports": each incident once, for the person who reported it and the colleague it was reported for, with
-- its status in the reporter's words (REPORTED, IN_PROGRESS, CLOSED, REOPENED). version is the aggregate
-- sequence number of the last event applied, so an event delivered again never turns the status back.
create table my_report (
    incident_id  varchar(255) primary key,
    reported_by  varchar(64)  not null,
    reported_for varchar(64),
    reported_at  timestamptz  not null,
    occurred_at  timestamptz,
    kinds        text[]       not null,
    severity     varchar(16)  not null,
    status       varchar(16)  not null,
    version      bigint       not null
);
create index my_report_by on my_report (reported_by);
create index my_report_for on my_report (reported_for) where reported_for is not null;

-- The feedback given to the reporter, one row per FeedbackGivenEvent (keyed on the event's identifier).
create table my_report_feedback (
    event_id    varchar(255) primary key,
    incident_id varchar(255) not null,
    message     text         not null,
    given_by    varchar(64)  not null,
    given_at    timestamptz  not null
);
create index my_report_feedback_incident on my_report_feedback (incident_id);

-- The incident's timeline: one row per step event, keyed on the event's identifier so a replay leaves one row,
-- in the order the incident recorded them (sequence). What a reporter may not read (need for help, referrals,
-- the analysis, free-text explanations) is kept here and left out when the reporter asks.
create table timeline_entry (
    event_id        varchar(255) primary key,
    incident_id     varchar(255) not null,
    sequence        bigint       not null,
    type            varchar(32)  not null,
    at              timestamptz  not null,
    actor           varchar(64),
    person          varchar(64),
    assignee_role   varchar(32),
    step            varchar(32),
    due_at          timestamptz,
    outcome         varchar(32),
    codes           text[]       not null default '{}',
    late            boolean,
    needs_more_help boolean,
    action_id       varchar(255),
    text            text
);
create index timeline_entry_incident on timeline_entry (incident_id, sequence);
