-- What a reference (an order, a cart) still holds, for PostgresInventoryStore.heldFor(reference), and the
-- reconciliation sweep over those references, PostgresInventoryStore.holders(madeAtOrBefore, after, limit).
-- Each index covers only what still holds stock (active reservations; allocations with open units, whose open lines
-- are dropped as they reach zero, so an empty open_quantities array means nothing is open), keyed by reference in
-- the "C" collation (byte order, Java's String order whatever the database's default collation; the queries say
-- collate "C" to match), then created_at:
--   heldFor looks up one reference;
--   holders walks the index in reference order from the last reference of the previous page, checks created_at in
--   the index entry, and stops after a page of distinct references, so a sweep reads each holding row about once.
-- Not built concurrently: CREATE INDEX CONCURRENTLY waits for the transaction in which Flyway holds its migration
-- lock, and never ends. Writes to each table wait while its index is built.

create index inv_reservation_active_by_reference on inv_reservation (reference collate "C", created_at)
    where status = 'ACTIVE';

create index inv_allocation_open_by_reference on inv_allocation (reference collate "C", created_at)
    where cardinality(open_quantities) > 0;
