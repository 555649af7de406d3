-- Units of a fill passed on to the backorders behind (its order cancelled them while the receipt filled them): they
-- are filled under a key of their own, recorded as a receipt row whose first_receipt names the receipt that brought
-- the units, so that a replay of that receipt answers with them. passed_on marks the fill that gave its units away.
alter table oms_backorder_receipt add column first_receipt text references oms_backorder_receipt;
alter table oms_backorder_fill add column passed_on boolean not null default false;
create index oms_backorder_receipt_first on oms_backorder_receipt (first_receipt) where first_receipt is not null;
