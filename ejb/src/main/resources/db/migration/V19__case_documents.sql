-- Documents and photos in the case file (issue 18). The content is encrypted as a stream under a
-- key of its own, sealed by the survivor's data key, and kept as a file in HAVEN_DATA_DIR/documents
-- (storage_name); the row holds what is needed to find and open it. Title and file name are sealed
-- like every other protected field; kind, type and size are coded, for lists and the audit trail.
create sequence case_document_id_seq start with 1 increment by 50;

create table case_document (
    id             bigint                      not null,
    case_id        bigint                      not null,
    kind           varchar(16)                 not null,
    title          bytea,
    file_name      bytea,
    content_type   varchar(100)                not null,
    size_bytes     bigint                      not null,
    content_key    bytea,
    storage_name   varchar(64)                 not null,
    uploaded_by_id bigint                      not null,
    uploaded_at    timestamp(6) with time zone not null,
    deleted_at     timestamp(6) with time zone,
    deleted_by_id  bigint,
    version        bigint                      not null,
    constraint pk_case_document primary key (id),
    constraint uk_case_document_storage unique (storage_name),
    constraint fk_case_document_case foreign key (case_id) references survivor_case (id),
    constraint fk_case_document_uploaded_by foreign key (uploaded_by_id) references staff_member (id),
    constraint fk_case_document_deleted_by foreign key (deleted_by_id) references staff_member (id),
    constraint ck_case_document_kind check (kind in
        ('ID_DOCUMENT', 'PHOTO', 'CONSENT_FORM', 'MEDICAL', 'LEGAL', 'STATEMENT', 'OTHER'))
);
create index ix_case_document_case on case_document (case_id);
