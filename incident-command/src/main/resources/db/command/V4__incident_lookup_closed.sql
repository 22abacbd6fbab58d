-- Whether the incident is closed, so its page offers closing or reopening, not both.
alter table incident_lookup add column closed boolean not null default false;
