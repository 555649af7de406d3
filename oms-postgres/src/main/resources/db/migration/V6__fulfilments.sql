-- Fulfilments for PostgresFulfilmentRepository: each fulfilment is one JSONB document (written by the library's
-- Jackson module); the columns beside it are copies of the fields that its queries need. Text keys are in the "C"
-- collation (byte order, Java's String order whatever the database's default collation), so that rows tied on time
-- come out in the order of their ids as the in-memory repository gives them. The timestamps keep microseconds, the
-- document the exact instants.
create table oms_fulfilment (
    fulfilment_id text        collate "C" primary key,
    version       bigint      not null check (version >= 1),
    order_id      text        collate "C" not null,
    location      text        collate "C" not null,
    status        varchar(32) not null,
    -- null until it is ready for collection
    collect_by    timestamptz,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    document      jsonb       not null
);

-- forOrder: an order's fulfilments, oldest first
create index oms_fulfilment_by_order on oms_fulfilment (order_id, created_at, fulfilment_id);

-- atLocation: a location's work queue in one status, oldest first
create index oms_fulfilment_by_location on oms_fulfilment (location, status, created_at, fulfilment_id);

-- dueForExpiry: collections waiting for the customer, earliest deadline first; only the few ready ones are indexed
create index oms_fulfilment_due on oms_fulfilment (collect_by, fulfilment_id) where status = 'READY_FOR_COLLECTION';
