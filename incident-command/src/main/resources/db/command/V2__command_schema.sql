-- The command service's own tables beyond Axon's processing tables (db/axon V1) come here.
-- Kept so the version sequence of this schema starts at the service, not at the shared file.
select 1;
