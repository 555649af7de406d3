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
