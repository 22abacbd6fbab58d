-- What the command service's pages need to know about an incident without loading the aggregate: its team
-- (who may act on it) and its current version (for optimistic concurrency of the next form). Kept by a
-- subscribing processor in the same transaction as the events, so it is never behind.
create table incident_lookup (
    incident_id varchar(64) primary key,
    team_id     varchar(64) not null,
    reported_by varchar(64) not null,
    version     bigint      not null
);
