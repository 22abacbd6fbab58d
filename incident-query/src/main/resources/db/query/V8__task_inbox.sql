-- The task inbox shows what a follow-up action is about. Its description comes with FollowUpActionPlannedEvent,
-- applied just before the action's TaskScheduledEvent: task_action keeps it by the action's task id, so the task
-- row takes it over whichever of the two arrives first.
alter table task add column description text;
create table task_action (
    task_id     varchar(255) primary key,
    description text         not null
);
-- How far the task view has got with each incident: the sequence number of the incident's last event it handled,
-- so a page the person returns to after a change can wait until the view shows it.
create table task_incident_version (
    incident_id varchar(255) primary key,
    version     bigint       not null
);
