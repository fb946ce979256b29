-- A shopper is our account; a connection is one provider account linked to it (issue 11, docs/adr).
-- Moves every existing shopper's provider account and tokens into a connection of that shopper: nothing is
-- lost and no ciphertext is rewritten (SQL cannot decrypt). Tokens moved here keep their AES-GCM associated
-- data, the V1 column name and the shopper id, which token_binding = 'shopper_token' records; the first
-- refresh or sign-in writes them again bound to this table ('connection': column, shopper id and provider).
-- V1..V6 never stored a shopper without tokens (sign-in wrote both in one transaction).

create table shopper_connection (
    shopper_id              uuid         not null references shopper (id) on delete cascade,
    provider                varchar(32)  not null,
    profile_id              varchar(128) not null,
    access_token_enc        text         not null,
    refresh_token_enc       text         not null,
    issued_at               timestamptz  not null,
    access_token_expires_at timestamptz  not null,
    usable                  boolean      not null default true,
    token_binding           varchar(16)  not null default 'connection'
                                         check (token_binding in ('connection', 'shopper_token')),
    connected_at            timestamptz  not null,
    updated_at              timestamptz  not null,
    -- one connection per provider for a shopper, and a provider account belongs to one shopper at most
    primary key (shopper_id, provider),
    constraint shopper_connection_provider_profile_key unique (provider, profile_id)
);

insert into shopper_connection (shopper_id, provider, profile_id, access_token_enc, refresh_token_enc, issued_at,
                                access_token_expires_at, usable, token_binding, connected_at, updated_at)
select s.id, s.provider, s.profile_id, t.access_token_enc, t.refresh_token_enc, t.issued_at,
       t.access_token_expires_at, t.usable, 'shopper_token', s.created_at, t.updated_at
from shopper s
join shopper_token t on t.shopper_id = s.id;

drop table shopper_token;
alter table shopper drop constraint shopper_provider_profile_key;
alter table shopper drop column provider;
alter table shopper drop column profile_id;

-- A sign-in remembers the provider it was sent to (only that provider's callback may complete it) and,
-- for a connect, the signed-in shopper the account is linked to. Sign-ins in flight at the upgrade were
-- all sent to the one provider of earlier versions.
alter table login_attempt add column provider varchar(32);
update login_attempt set provider = 'kroger';
alter table login_attempt alter column provider set not null;
alter table login_attempt add column link_shopper_id uuid references shopper (id) on delete cascade;
create index login_attempt_link_shopper_idx on login_attempt (link_shopper_id) where link_shopper_id is not null;
