-- The adopted versions of the protocol agreements, as the command side reads them when an incident is
-- reported (which version is in force) and when a step is taken (what that version says). Kept in step with
-- the event store by a subscribing processor, in the transaction that appends the adoption.
create table protocol_version (
    version        integer     primary key,
    effective_from timestamptz not null,
    agreement      jsonb       not null
);
create index protocol_version_effective_from on protocol_version (effective_from);
