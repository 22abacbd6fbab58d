-- Accounts, roles and teams: who may sign in and what they may see. Shared by every service.
create table team (
    team_id varchar(64)  primary key,
    name    varchar(200) not null
);

create table account (
    username      varchar(64)  primary key,
    display_name  varchar(200) not null,
    email         varchar(320) not null,
    password_hash varchar(200) not null,
    enabled       boolean      not null default true,
    language      varchar(8)   not null default 'nl'
);

create table account_role (
    username varchar(64) not null references account (username) on delete cascade,
    role     varchar(32) not null check (role in ('STAFF', 'TEAM_LEADER', 'PEER_SUPPORTER', 'PREVENTION_OFFICER', 'MANAGEMENT', 'ADMIN')),
    primary key (username, role)
);

create table team_membership (
    username varchar(64) not null references account (username) on delete cascade,
    team_id  varchar(64) not null references team (team_id),
    leads    boolean     not null default false,
    primary key (username, team_id)
);
create index team_membership_team on team_membership (team_id);

-- Spring Session JDBC: one session shared by the services.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
