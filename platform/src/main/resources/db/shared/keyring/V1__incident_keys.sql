-- One key per incident: the personal fields of its stored events are encrypted with it. Deleting an incident's
-- row is erasing its personal data (crypto-shredding): the events stay, those fields can no longer be read.
-- key_bytes is the AES-256 key itself, or, when wrapped, the key encrypted with the configured master key
-- (veilig-werken.retention.master-key). Shared by the services that read the event store.
create table incident_key (
    incident_id varchar(64)              primary key,
    key_bytes   bytea                    not null,
    wrapped     boolean                  not null,
    created_at  timestamp with time zone not null default now()
);
