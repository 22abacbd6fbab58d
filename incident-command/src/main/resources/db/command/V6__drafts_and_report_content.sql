-- Reports a person started and wants to finish later. Private to their owner, never events: a draft is not a
-- report yet. Removed when the report is sent, and after 30 days.
create table report_draft (
    draft_id uuid        primary key,
    owner    text        not null,
    saved_at timestamptz not null,
    report   jsonb       not null
);
create index report_draft_owner on report_draft (owner, saved_at desc);

-- What the report says now (after amendments), so the amend form can show it without loading the incident.
alter table incident_lookup add column content jsonb;
