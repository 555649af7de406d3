-- Returns for PostgresReturnRepository: each return is one JSONB document (written by the library's Jackson module with
-- the returns module's names); the columns beside it are copies of the fields that its queries need. Text keys are in
-- the "C" collation (byte order, Java's String order), so that rows tied on time come out in the order of their ids as
-- the in-memory repository gives them. The timestamps keep microseconds, the document the exact instants.
create table oms_return (
    return_id   text        collate "C" primary key,
    version     bigint      not null check (version >= 1),
    order_id    text        collate "C" not null,
    customer    text        collate "C" not null,
    status      varchar(32) not null,
    opened_at   timestamptz not null,
    -- a refund is requested and not answered: what the refund reconciliation sweep looks for
    refund_open boolean     not null,
    updated_at  timestamptz not null,
    document    jsonb       not null
);

-- findByOrder: an order's returns, oldest first
create index oms_return_by_order on oms_return (order_id, opened_at, return_id);

-- countByCustomerSince: a customer's recent returns, for per-customer limits
create index oms_return_by_customer on oms_return (customer, opened_at);

-- findWithOpenRefund: the few returns whose refund waits for the provider, oldest first
create index oms_return_open_refund on oms_return (opened_at, return_id) where refund_open;
