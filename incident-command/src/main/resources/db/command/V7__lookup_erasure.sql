-- After the retention term an incident's personal data is erased: the lookup then forgets who reported it and
-- what the report said (the event store's copies are unreadable from then on), and keeps team and version.
alter table incident_lookup alter column reported_by drop not null;
