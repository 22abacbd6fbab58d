-- Who read which incident's details, and who exported what: one row per read, written by every service that
-- shows such details (incident-command's step forms, incident-query's pages, API and exports), read by the
-- prevention officer. No personal data beyond the reader's username: the incident and the export are named by
-- their identifiers, the request by its path without the query string.
create table audit_log (
    id          bigint generated always as identity primary key,
    at          timestamp with time zone not null default now(),
    username    varchar(64)  not null,
    roles       varchar(200) not null,
    action      varchar(40)  not null,
    incident_id varchar(64),
    subject     varchar(200),
    service     varchar(64)  not null,
    path        varchar(500) not null,
    client_ip   varchar(64)
);

create index audit_log_at on audit_log (at desc, id desc);
create index audit_log_username on audit_log (username, at desc);
create index audit_log_incident on audit_log (incident_id, at desc);

-- Append-only: the services share one database role, so a grant cannot keep them from changing rows; the
-- trigger refuses every change and removal, whoever asks. (A superuser can still drop the trigger: that is
-- the database's administrator, outside what the application can do.)
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_append_only();
