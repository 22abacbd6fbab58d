-- A task leaves the open list when its step is done; when, and whether late, stay for the compliance views.
alter table task add column completed_at timestamptz;
alter table task add column late boolean;
