-- One incident as its reporter and team leader see it. version is the aggregate sequence number of the last
-- event applied, so a client can tell whether the view has caught up with a command it sent.
create table incident_view (
    incident_id    varchar(255) primary key,
    team_id        varchar(64)  not null,
    reported_by    varchar(64)  not null,
    reported_at    timestamptz  not null,
    occurred_at    timestamptz,
    setting        varchar(32)  not null,
    kinds          text[]       not null,
    severity       varchar(16)  not null,
    description    text,
    support_wanted boolean      not null,
    version        bigint       not null
);
create index incident_view_team on incident_view (team_id);
