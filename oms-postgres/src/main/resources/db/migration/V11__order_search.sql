-- Finding orders and their history for PostgresOrderRepository.search and .history.
--
-- Searches sort by placement time, then by order id in byte order (Java's String order, as the in-memory repository
-- sorts), so the id and every text key searched are in the "C" collation. Each filter has an index that starts with it
-- and ends with (placed_at, order_id): a page is one index range read in either direction, stopped after the page.

alter table oms_order alter column order_id type varchar(100) collate "C";
alter table oms_order alter column external_ref type varchar(100) collate "C";

-- copies of the document's customer and pickup store, written by every save beside the status
alter table oms_order add column customer text collate "C";
alter table oms_order add column pickup_store text collate "C";
update oms_order set customer = document ->> 'customer', pickup_store = document -> 'delivery' ->> 'pickupStore';
alter table oms_order alter column customer set not null;

create index oms_order_by_customer on oms_order (customer, placed_at, order_id);
create index oms_order_by_placement on oms_order (placed_at, order_id);
create index oms_order_by_status_placement on oms_order (status, placed_at, order_id);
create index oms_order_by_channel on oms_order (channel, placed_at, order_id);
create index oms_order_by_pickup_store on oms_order (pickup_store, placed_at, order_id) where pickup_store is not null;
create index oms_order_by_external_ref on oms_order (external_ref, placed_at, order_id);
-- superseded by oms_order_by_status_placement
drop index oms_order_status;

-- the SKUs of each order's lines, one row per order and SKU, with the order's placement time for paging
create table oms_order_sku (
    sku       text         collate "C" not null,
    placed_at timestamptz  not null,
    order_id  varchar(100) collate "C" not null,
    primary key (sku, placed_at, order_id)
);
create index oms_order_sku_by_order on oms_order_sku (order_id);
insert into oms_order_sku (sku, placed_at, order_id)
select distinct line ->> 'sku', o.placed_at, o.order_id
from oms_order o, jsonb_array_elements(o.document -> 'lines') line;

-- the events of each saved change of an order, kept as long as the order: what its timeline is rebuilt from
create table oms_order_history (
    order_id varchar(100) collate "C" not null,
    version  bigint       not null,
    events   jsonb        not null,
    primary key (order_id, version)
);
