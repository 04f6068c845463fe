-- Re-keying (issue 15): when a key may have leaked, every survivor gets a new data key, the blind
-- indexes are recomputed under new index keys, and the audit trail's MACs and links continue
-- under a new chain key. Each re-key starts a key epoch; epoch 0 is every key made before.

-- One row per re-key: where it stands, so that a re-key cut short resumes at the next start.
create table key_epoch (
    epoch       integer                     not null,
    state       varchar(16)                 not null,
    started_at  timestamp(6) with time zone not null,
    started_by  varchar(255),
    finished_at timestamp(6) with time zone,
    constraint pk_key_epoch primary key (epoch),
    constraint ck_key_epoch_state check (state in ('RUNNING', 'DONE'))
);

-- The epoch a stored key was made in: a re-key picks the survivors' keys of earlier epochs, and
-- destroys the index keys of earlier epochs once every case is indexed anew.
alter table data_key add column epoch integer default 0 not null;
create index ix_data_key_epoch on data_key (epoch, owner);

-- The chain key an event's MAC and link were made with; earlier events keep theirs, so nothing
-- already in the trail is rewritten. (Adding a column rewrites no row: the append-only trigger
-- does not fire.)
alter table audit_event add column key_epoch integer default 0 not null;
