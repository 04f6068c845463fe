-- The audit trail: one row per event, in a hash chain. Each event's hash is a keyed hash (Tink
-- HMAC-SHA256 PRF, key wrapped by the key-encryption key) over its canonical content and the
-- previous event's hash, so a row changed, removed, reordered or forged in SQL breaks the chain.
-- Ids are assigned under the lock of audit_chain_head: contiguous from 1, in commit order.
create table audit_event (
    id             bigint                      not null,
    occurred_at    timestamp(6) with time zone not null,
    actor_subject  varchar(64),
    actor_username varchar(255),
    actor_roles    varchar(128),
    actor_team     varchar(64),
    action         varchar(48)                 not null,
    object_type    varchar(32),
    object_id      varchar(64),
    outcome        varchar(16)                 not null,
    reason         varchar(255),
    details        varchar(4000),
    client_address varchar(64),
    request_id     varchar(64),
    previous_hash  varchar(64)                 not null,
    hash           varchar(64)                 not null,
    constraint pk_audit_event primary key (id),
    constraint ck_audit_event_outcome check (outcome in ('SUCCESS', 'DENIED', 'NOT_FOUND', 'FAILED'))
);
create index ix_audit_event_object on audit_event (object_id);
create index ix_audit_event_actor on audit_event (actor_username);
create index ix_audit_event_team on audit_event (actor_team);
create index ix_audit_event_time on audit_event (occurred_at);

-- The chain's head: the one row every audited transaction locks to append, briefly.
create table audit_chain_head (
    id            integer     not null,
    last_event_id bigint      not null,
    last_hash     varchar(64) not null,
    constraint pk_audit_chain_head primary key (id)
);
insert into audit_chain_head (id, last_event_id, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
