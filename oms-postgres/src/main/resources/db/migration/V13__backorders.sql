-- Units sold beyond stock waiting for supply (backorders and pre-orders), what each receipt filled, and per SKU and
-- location how many receipts were filled: the row every placing and filling there locks first.
create table oms_backorder_position (
    sku         text   not null,
    location_id text   not null,
    receipts    bigint not null default 0,
    primary key (sku, location_id)
);

create table oms_backorder (
    backorder_id text        primary key,
    seq          bigserial   not null unique,
    order_id     text        not null,
    line_id      text        not null,
    sku          text        not null,
    location_id  text        not null,
    quantity     integer     not null check (quantity > 0),
    filled       integer     not null default 0 check (filled >= 0 and filled <= quantity),
    priority     integer     not null,
    placed_at    timestamptz not null,
    kind         text        not null,
    expected_at  timestamptz
);

create index oms_backorder_waiting on oms_backorder (sku, location_id, priority desc, placed_at, seq)
    where filled < quantity;
create index oms_backorder_order on oms_backorder (order_id, seq);

create table oms_backorder_receipt (
    receipt_key text primary key,
    sku         text not null,
    location_id text not null
);

create table oms_backorder_fill (
    receipt_key  text    not null references oms_backorder_receipt,
    backorder_id text    not null references oms_backorder,
    rank         integer not null,
    units        integer not null check (units > 0),
    reopened     boolean not null default false,
    primary key (receipt_key, backorder_id)
);
