-- Unified stock for PostgresInventoryStore.
-- Locking discipline: every change to the stock of a SKU first locks its inv_sku row (SELECT ... FOR UPDATE,
-- several SKUs always in ascending sku order), so positions and network-wide figures of one SKU change under
-- one lock, and two multi-line carts take their locks in the same order and cannot deadlock.

create table inv_sku (
    sku              varchar(100) primary key,
    -- units held by active network-wide reservations
    network_reserved integer      not null default 0 check (network_reserved >= 0),
    -- sum over the SKU's positions of max(0, on_hand - reserved - allocated - safety), kept in step with inv_position
    positions_ats    integer      not null default 0 check (positions_ats >= 0),
    -- sum over the SKU's positions of on_hand
    on_hand          integer      not null default 0 check (on_hand >= 0),
    -- network-wide alert level last raised
    level            varchar(16)  not null
);

create table inv_position (
    -- every position has its inv_sku row (written first, under its lock); no foreign key, to keep writes cheap
    sku                varchar(100) not null,
    location           varchar(100) not null,
    on_hand            integer      not null default 0,
    reserved           integer      not null default 0,
    allocated          integer      not null default 0,
    safety             integer      not null default 0,
    inbound            integer      not null default 0,
    returns_in_transit integer      not null default 0,
    quarantine         integer      not null default 0,
    -- alert level last raised for this position
    level              varchar(16)  not null,
    primary key (sku, location),
    constraint inv_position_buckets_not_negative check (on_hand >= 0 and reserved >= 0 and allocated >= 0 and safety >= 0
        and inbound >= 0 and returns_in_transit >= 0 and quarantine >= 0),
    constraint inv_position_never_oversold check (on_hand >= reserved + allocated)
);

-- The ledger. movement_key is the idempotency key of adjustments and shipments.
create table inv_movement (
    seq              bigserial    primary key,
    movement_key     varchar(100) not null unique,
    sku              varchar(100) not null,
    location         varchar(100) not null,
    reason           varchar(32)  not null,
    quantity         integer      not null check (quantity > 0),
    on_hand_delta    integer      not null,
    quarantine_delta integer      not null,
    inbound_delta    integer      not null,
    returns_delta    integer      not null,
    at               timestamptz  not null,
    eta              timestamptz,
    reference        text         not null
);
create index inv_movement_position on inv_movement (sku, location, seq);

-- Announced inbound supply still expected; remaining falls as units are received or cancelled.
create table inv_inbound (
    movement_key varchar(100) primary key references inv_movement (movement_key),
    sku          varchar(100) not null,
    location     varchar(100) not null,
    remaining    integer      not null check (remaining >= 0),
    eta          timestamptz  not null,
    reference    text         not null
);
create index inv_inbound_open on inv_inbound (sku, eta) where remaining > 0;

-- Reservations. Lines are kept as parallel arrays (sku, location or null for network-wide, quantity):
-- requested as first asked (to recognise a replay), held as still held (one entry per sku and location).
create table inv_reservation (
    reservation_key varchar(100) primary key,
    reference       text         not null,
    status          varchar(16)  not null,
    created_at      timestamptz  not null,
    expires_at      timestamptz,
    req_skus        text[]       not null,
    req_locations   text[]       not null,
    req_quantities  integer[]    not null,
    held_skus       text[]       not null,
    held_locations  text[]       not null,
    held_quantities integer[]    not null
);
create index inv_reservation_expiry on inv_reservation (expires_at) where status = 'ACTIVE' and expires_at is not null;

-- Allocations, lines as parallel arrays (sku, location, quantity): requested as first asked, open as still allocated.
create table inv_allocation (
    allocation_key  varchar(100) primary key,
    reference       text         not null,
    reservation_key varchar(100),
    created_at      timestamptz  not null,
    req_skus        text[]       not null,
    req_locations   text[]       not null,
    req_quantities  integer[]    not null,
    open_skus       text[]       not null,
    open_locations  text[]       not null,
    open_quantities integer[]    not null
);

-- Transactional outbox: the domain events of one transaction, written in that transaction as one row (a JSON array
-- of events, each with its registered type name), published by OutboxRelay in id order.
create table oms_outbox (
    id           bigserial    primary key,
    aggregate_id varchar(100) not null,
    event_count  integer      not null check (event_count > 0),
    occurred_at  timestamptz  not null,
    -- json, not jsonb: kept as written, so readers find each event's type name first and nothing is re-encoded
    payload      json         not null,
    published_at timestamptz
);
create index oms_outbox_pending on oms_outbox (id) where published_at is null;
