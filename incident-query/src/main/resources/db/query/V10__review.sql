-- The quarterly team review (kwartaalevaluatie). An incident counts in the quarter it was reported in, with the
-- kinds, severity and setting the report says now (an amendment replaces them). Follow-up actions count in the
-- quarter they were planned in, learning points in the quarter of the analysis: what the team did and learned then.
-- Quarters are the organisation's calendar ('2026-Q3').
create table review_incident (
    incident_id      varchar(64)    primary key,
    team_id          varchar(64)    not null,
    quarter          varchar(7)     not null,
    setting          varchar(32)    not null,
    severity         varchar(16)    not null,
    kinds            text[]         not null,
    aftercare_needed boolean        not null default false, -- an aftercare talk was scheduled
    aftercare_given  boolean        not null default false  -- and it took place
);

create index review_incident_by_team_quarter on review_incident (team_id, quarter);

create table review_action (
    action_id    varchar(64)   primary key,
    incident_id  varchar(64)   not null,
    team_id      varchar(64)   not null,
    quarter      varchar(7)    not null,
    kind         varchar(32)   not null,
    description  text          not null,
    due_at       timestamptz,
    planned_at   timestamptz   not null,
    completed_at timestamptz
);

create index review_action_by_team_quarter on review_action (team_id, quarter);

create table review_learning_point (
    incident_id varchar(64)   not null,
    position    integer       not null,
    team_id     varchar(64)   not null,
    quarter     varchar(7)    not null,
    level       varchar(16)   not null,
    skill       varchar(48),
    text        text          not null,
    primary key (incident_id, position)
);

create index review_learning_point_by_team_quarter on review_learning_point (team_id, quarter);
