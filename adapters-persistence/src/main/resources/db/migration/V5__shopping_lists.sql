-- Shopping lists and their items. A list remembers the fingerprint of the cart items it last sent, so the
-- same unchanged list is not added to the cart twice by accident (see docs/lists.md).

create table shopping_list (
    id               uuid         primary key,
    shopper_id       uuid         not null references shopper (id) on delete cascade,
    name             varchar(100) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    -- SHA-256 hex of the products, quantities and modality last sent to the cart
    sent_fingerprint char(64),
    sent_at          timestamptz,
    -- breaks ties between lists created in the same microsecond, so "newest first" is stable
    seq              bigint       generated always as identity
);
create index shopping_list_shopper_idx on shopping_list (shopper_id, created_at desc, seq desc);

create table shopping_list_item (
    id         uuid         primary key,
    list_id    uuid         not null references shopping_list (id) on delete cascade,
    text       varchar(200) not null,
    quantity   integer      not null check (quantity between 1 and 99),
    note       varchar(200),
    checked    boolean      not null default false,
    created_at timestamptz  not null,
    -- the order items were added in
    seq        bigint       generated always as identity
);
create index shopping_list_item_list_idx on shopping_list_item (list_id, seq);
