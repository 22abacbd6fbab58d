-- A follow-up action is a task for one named person (assignee, a username) rather than for a role, so its
-- assignee_role is empty; the protocol's steps keep their role and have no assignee.
alter table task add column assignee varchar(64);
alter table task alter column assignee_role drop not null;
