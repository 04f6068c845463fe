-- Field-level encryption: survivors' identifying data and the narrative, as ciphertext only.
-- The keys that decrypt them are in data_key, wrapped by a key-encryption key that is never in
-- the database. bytea is PostgreSQL's binary type; H2 accepts it as VARBINARY.

-- One data key per survivor (owner case:<case number>) and one key per blind index
-- (owner index:<name>), each wrapped by the key-encryption key whose id is kek_id.
create table data_key (
    owner        varchar(80)                 not null,
    wrapped      bytea                       not null,
    kek_id       bigint                      not null,
    created_at   timestamp(6) with time zone not null,
    rewrapped_at timestamp(6) with time zone,
    constraint pk_data_key primary key (owner)
);
-- A rotation counts and picks the keys not yet wrapped by the new primary key.
create index ix_data_key_kek on data_key (kek_id);

-- Coded and not protected (statistics): age band and languages.
alter table survivor_case add column survivor_age_band varchar(16);
alter table survivor_case add column survivor_languages varchar(64);

-- Protected: each column holds a Tink AES-256-GCM ciphertext bound to its case and field.
alter table survivor_case add column survivor_given_names bytea;
alter table survivor_case add column survivor_family_name bytea;
alter table survivor_case add column survivor_aliases bytea;
alter table survivor_case add column survivor_birth_date bytea;
alter table survivor_case add column survivor_phones bytea;
alter table survivor_case add column survivor_email bytea;
alter table survivor_case add column survivor_address bytea;
alter table survivor_case add column survivor_document_type bytea;
alter table survivor_case add column survivor_document_number bytea;
alter table survivor_case add column survivor_place_of_origin bytea;
alter table survivor_case add column narrative bytea;

-- Erasure (crypto-shredding): requested with a coded reason, approved by a supervisor; the case
-- stays as a tombstone.
alter table survivor_case add column erasure_reason varchar(32);
alter table survivor_case add column erasure_requested_at timestamp(6) with time zone;
alter table survivor_case add column erasure_requested_by_id bigint;
alter table survivor_case add column erased_at timestamp(6) with time zone;
alter table survivor_case add column erased_by_id bigint;
alter table survivor_case add constraint fk_survivor_case_erasure_requested_by
    foreign key (erasure_requested_by_id) references staff_member (id);
alter table survivor_case add constraint fk_survivor_case_erased_by
    foreign key (erased_by_id) references staff_member (id);
alter table survivor_case add constraint ck_survivor_case_erasure_reason check (erasure_reason in
    ('SURVIVOR_REQUEST', 'CONSENT_WITHDRAWN', 'RETENTION_PERIOD_ENDED', 'RECORDED_IN_ERROR', 'LEGAL_ORDER'));

-- Blind indexes: a keyed HMAC-SHA256 PRF of a normalised value, truncated to 128 bits (hex).
create table case_search_index (
    case_id bigint      not null,
    kind    varchar(16) not null,
    digest  varchar(32) not null,
    constraint pk_case_search_index primary key (case_id, kind, digest),
    constraint fk_case_search_index_case foreign key (case_id) references survivor_case (id),
    constraint ck_case_search_index_kind check (kind in
        ('NAME', 'BIRTH_DATE', 'PHONE', 'DOCUMENT_NUMBER', 'NAME_BIRTH_DATE'))
);
create index ix_case_search_index_digest on case_search_index (kind, digest);
