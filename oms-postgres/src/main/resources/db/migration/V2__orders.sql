-- Orders for PostgresOrderRepository: the order is one JSONB document (written by the library's Jackson module);
-- the columns beside it are copies of the fields that queries and constraints need.
create table oms_order (
    order_id     varchar(100) primary key,
    version      bigint       not null check (version >= 1),
    channel      varchar(32)  not null,
    external_ref varchar(100) not null,
    status       varchar(32)  not null,
    placed_at    timestamptz  not null,
    updated_at   timestamptz  not null,
    document     jsonb        not null,
    -- placement is idempotent per channel and external reference
    constraint oms_order_external_ref unique (channel, external_ref)
);
create index oms_order_awaiting on oms_order (order_id) where status = 'AWAITING_CONFIRMATION';
create index oms_order_status on oms_order (status);
