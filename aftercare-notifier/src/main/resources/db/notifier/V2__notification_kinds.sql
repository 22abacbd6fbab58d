-- Notifications are no longer only about a new task: a new incident, feedback for a reporter or a reminder has
-- no task or due time of its own. Urgent ones (a serious incident, the Labour Inspectorate duty) always go out
-- at once, whatever a person chose for their mail.
alter table notification alter column task_id drop not null;
alter table notification alter column step drop not null;
alter table notification alter column due_at drop not null;
alter table notification add column urgent boolean not null default false;
