-- The notifier's own copy of the team directory, kept from the Kafka topic `team-directory`: whom it can tell
-- and how to address them. `sequence` is the sequence of the event a row came from; an event is applied only
-- when it is newer than what the row has, so a redelivered or overtaken event changes nothing.
create table directory_team (
    team_id  varchar(64)  primary key,
    name     varchar(200) not null,
    sequence bigint       not null
);

-- A removed account stays as a row without personal data (removed = true), so an older event of it that
-- arrives late cannot bring it back.
create table directory_account (
    username     varchar(64)  primary key,
    display_name varchar(200) not null,
    email        varchar(320) not null,
    language     varchar(8)   not null,
    enabled      boolean      not null,
    removed      boolean      not null default false,
    sequence     bigint       not null
);

create table directory_account_role (
    username varchar(64) not null references directory_account (username) on delete cascade,
    role     varchar(32) not null,
    primary key (username, role)
);

-- no reference to directory_team: an account may arrive before its team does
create table directory_membership (
    username varchar(64) not null references directory_account (username) on delete cascade,
    team_id  varchar(64) not null,
    leads    boolean     not null,
    primary key (username, team_id)
);
create index directory_membership_team on directory_membership (team_id);
