-- The directory's outbox: every change of a team or an account, as the whole state it leaves behind, written
-- in the same transaction as the change (AccountDirectory). The command service publishes the rows to the
-- Kafka topic `team-directory` in id order and marks them published once the broker has acknowledged them;
-- the id travels along as the event's sequence, so a consumer keeps the newest state per key.
create table directory_outbox (
    id           bigint generated always as identity primary key,
    event_key    varchar(100) not null,
    event_type   varchar(100) not null,
    payload      jsonb        not null,
    recorded_at  timestamptz  not null default now(),
    published_at timestamptz
);
create index directory_outbox_unpublished on directory_outbox (id) where published_at is null;
-- "has this key changed since its last row?" and pruning the rows a later one of the same key replaced
create index directory_outbox_key on directory_outbox (event_key, id desc);

-- What the directory already holds goes out first, so a consumer built from the topic starts complete.
insert into directory_outbox (event_key, event_type, payload)
select 'team:' || t.team_id, 'nl.veiligwerken.directory.team-saved.v1',
       jsonb_build_object('teamId', t.team_id, 'name', t.name)
  from team t
 order by t.team_id;

insert into directory_outbox (event_key, event_type, payload)
select 'account:' || a.username, 'nl.veiligwerken.directory.account-saved.v1',
       jsonb_build_object(
           'username', a.username,
           'displayName', a.display_name,
           'email', a.email,
           'language', a.language,
           'enabled', a.enabled,
           'roles', coalesce((select jsonb_agg(r.role order by r.role) from account_role r
                               where r.username = a.username), '[]'::jsonb),
           'memberOf', coalesce((select jsonb_agg(m.team_id order by m.team_id) from team_membership m
                                  where m.username = a.username), '[]'::jsonb),
           'leads', coalesce((select jsonb_agg(m.team_id order by m.team_id) from team_membership m
                               where m.username = a.username and m.leads), '[]'::jsonb))
  from account a
 order by a.username;
