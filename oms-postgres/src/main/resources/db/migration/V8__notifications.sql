-- Customer notifications for PostgresNotificationLog: one row per message (its idempotency key), claimed before it is
-- sent and marked sent after. The document is the message as the library's Jackson module writes it; the columns
-- beside it are what the claim and the retry sweep query. Text keys are in the "C" collation (byte order, Java's String
-- order), so that ties come out in the order the in-memory log gives.
create table oms_notification (
    idempotency_key text        collate "C" primary key,
    order_id        text        collate "C" not null,
    -- '' for the order's statuses, the parcel for its tracking milestones
    stream          text        collate "C" not null,
    sequence        bigint      not null,
    attempts        integer     not null check (attempts >= 1),
    claimed_at      timestamptz not null,
    sent_at         timestamptz,
    document        jsonb       not null
);

-- claim: is a newer change of the order's stream claimed already?
create index oms_notification_by_stream on oms_notification (order_id, stream, sequence);

-- unsent: claims never marked sent, oldest claim first; only the few unsent ones are indexed
create index oms_notification_unsent on oms_notification (claimed_at, idempotency_key) where sent_at is null;

-- Work queues of PostgresFulfilmentRepository: a location's open fulfilments, earliest promise first. due_by is the
-- promise of the fulfilment's order, 9999-12-31 when none (rows written before this migration have none).
alter table oms_fulfilment add column due_by timestamptz not null default '9999-12-31 23:59:59.999999+00';

create index oms_fulfilment_work_queue on oms_fulfilment (location, due_by, created_at, fulfilment_id)
    where status in ('OFFERED', 'ACCEPTED', 'PICKING', 'READY_TO_SHIP');

-- Transfers for PostgresTransferRepository: each transfer is one JSONB document beside copies of the fields its queries
-- need; the document keeps the exact instants, the columns microseconds.
create table oms_transfer (
    transfer_id      text        collate "C" primary key,
    version          bigint      not null check (version >= 1),
    source           text        collate "C" not null,
    destination      text        collate "C" not null,
    status           varchar(16) not null,
    expected_arrival timestamptz not null,
    requested_at     timestamptz not null,
    updated_at       timestamptz not null,
    document         jsonb       not null
);

-- inbound: a destination's transfers in one status, earliest arrival first
create index oms_transfer_inbound on oms_transfer (destination, status, expected_arrival, transfer_id);

-- outbound: a source's transfers in one status, oldest request first
create index oms_transfer_outbound on oms_transfer (source, status, requested_at, transfer_id);
