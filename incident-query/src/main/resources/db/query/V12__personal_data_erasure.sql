-- Erasure after the retention term (PersonalDataErasedEvent): the views drop the names and texts they hold of the
-- incident and keep what counts. After the erasure the event store itself reads those fields as null, so a replay
-- brings events without them: every column that holds a name or a free text may be empty.
alter table incident_view alter column reported_by drop not null;
-- when the incident's personal data was erased; null while it is kept
alter table incident_view add column personal_data_erased_at timestamptz;

alter table my_report_feedback alter column message drop not null;
alter table my_report_feedback alter column given_by drop not null;

alter table task_action alter column description drop not null;

alter table review_action alter column description drop not null;
alter table review_learning_point alter column text drop not null;
