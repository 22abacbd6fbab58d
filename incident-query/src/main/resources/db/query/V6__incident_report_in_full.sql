-- The full report: on whose behalf, who the aggressor was, the client's pseudonymous number, injuries, police,
-- and the protocol version the incident is held to; and how often and when the report was last amended.
-- Rows from before take the values older events read as (not asked then); a replay fills them from the events.
alter table incident_view add column reported_for     varchar(64);
alter table incident_view add column aggressor        varchar(32) not null default 'UNKNOWN';
alter table incident_view add column client_reference text;
alter table incident_view add column injuries         text[]      not null default '{}';
alter table incident_view add column police_involved  boolean     not null default false;
alter table incident_view add column protocol_version integer     not null default 1;
alter table incident_view add column amendments       integer     not null default 0;
alter table incident_view add column last_amended_at  timestamptz;
