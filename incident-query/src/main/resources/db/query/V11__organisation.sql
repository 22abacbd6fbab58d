-- The organisation view asks the review and compliance tables for one quarter of every team at once.
create index review_incident_by_quarter on review_incident (quarter);
create index review_action_by_quarter on review_action (quarter);
create index review_learning_point_by_quarter on review_learning_point (quarter);
create index compliance_task_by_quarter on compliance_task (quarter);
