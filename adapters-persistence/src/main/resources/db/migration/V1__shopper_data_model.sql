-- The whole data model of the first release. Secrets are never stored in clear: session ids, login
-- states and browser bindings as SHA-256 hex; grocer tokens and PKCE verifiers AES-256-GCM encrypted
-- as "<key id>:<base64 of nonce + ciphertext + tag>", with the column and the row's key (shopper id,
-- state hash) as associated data. See docs/persistence.md.

create table shopper (
    id                    uuid         primary key,
    provider              varchar(32)  not null,
    profile_id            varchar(128) not null,
    preferred_location_id varchar(8),
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    constraint shopper_provider_profile_key unique (provider, profile_id)
);

create table shopper_token (
    shopper_id              uuid        primary key references shopper (id) on delete cascade,
    access_token_enc        text        not null,
    refresh_token_enc       text        not null,
    issued_at               timestamptz not null,
    access_token_expires_at timestamptz not null,
    usable                  boolean     not null default true,
    updated_at              timestamptz not null
);

create table shopper_session (
    id_hash      char(64)    primary key,
    shopper_id   uuid        not null references shopper (id) on delete cascade,
    created_at   timestamptz not null,
    last_used_at timestamptz not null
);
create index shopper_session_shopper_idx on shopper_session (shopper_id);
create index shopper_session_last_used_idx on shopper_session (last_used_at);

create table login_attempt (
    state_hash           char(64)      primary key,
    browser_binding_hash char(64)      not null,
    code_verifier_enc    text,
    return_to            varchar(2048) not null,
    created_at           timestamptz   not null,
    expires_at           timestamptz   not null
);
create index login_attempt_expires_idx on login_attempt (expires_at);

create table guidance (
    id         uuid         primary key,
    shopper_id uuid         not null references shopper (id) on delete cascade,
    text       varchar(500) not null,
    created_at timestamptz  not null,
    -- breaks ties between entries created in the same microsecond, so "oldest first" is stable
    seq        bigint       generated always as identity
);
create index guidance_shopper_idx on guidance (shopper_id, created_at, seq);

create table selection (
    id          uuid         primary key,
    shopper_id  uuid         not null references shopper (id) on delete cascade,
    item        varchar(200) not null,
    -- the item in lower case: one selection per item, whatever its case
    item_key    varchar(200) not null,
    product_id  varchar(14)  not null,
    upc         varchar(14)  not null,
    description varchar(500),
    brand       varchar(200),
    size        varchar(100),
    quantity    integer      not null check (quantity between 1 and 99),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    constraint selection_shopper_item_key unique (shopper_id, item_key)
);

create table cart_submission (
    id              uuid         primary key,
    shopper_id      uuid         not null references shopper (id) on delete cascade,
    idempotency_key varchar(128),
    outcome         varchar(16)  not null check (outcome in ('PENDING', 'ADDED', 'FAILED', 'UNKNOWN')),
    failure         varchar(32),
    detail          varchar(500),
    submitted_at    timestamptz  not null,
    completed_at    timestamptz,
    seq             bigint       generated always as identity
);
create unique index cart_submission_idempotency_key
    on cart_submission (shopper_id, idempotency_key) where idempotency_key is not null;
create index cart_submission_history_idx on cart_submission (shopper_id, submitted_at desc, seq desc);

create table cart_submission_item (
    submission_id uuid        not null references cart_submission (id) on delete cascade,
    position      integer     not null,
    upc           varchar(14) not null,
    quantity      integer     not null check (quantity between 1 and 99),
    modality      varchar(16) not null check (modality in ('PICKUP', 'DELIVERY')),
    primary key (submission_id, position)
);
