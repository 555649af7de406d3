-- Units of a backorder cancelled while waiting (their order line was cancelled): they leave the queue for good.
alter table oms_backorder add column cancelled integer not null default 0;
alter table oms_backorder add constraint oms_backorder_cancelled_range
    check (cancelled >= 0 and filled + cancelled <= quantity);

drop index oms_backorder_waiting;
create index oms_backorder_waiting on oms_backorder (sku, location_id, priority desc, placed_at, seq)
    where filled + cancelled < quantity;
