-- The fast path of PostgresInventoryStore.reserve: one round trip for a reservation that fits.
-- It follows the discipline of the Java code: insert the reservation first (its key is the idempotency key), lock
-- the SKU rows in ascending order (p_skus must be sorted and distinct), check and write under those locks, and
-- write the events to the outbox in the same transaction. It answers 'replay' when the key exists (nothing written)
-- and 'short' when a line does not fit (the caller rolls back and works out the shortages on its slow path);
-- otherwise it returns the touched rows so that the caller can raise alert-level events.
-- A 'short' answer leaves rows locked and changed: the caller must roll back. Every statement is a primary-key
-- lookup and sees the latest committed rows (READ COMMITTED, volatile function).
create function inv_try_reserve(
    p_key varchar, p_reference text, p_created timestamptz, p_expires timestamptz,
    p_req_skus text[], p_req_locations text[], p_req_quantities integer[],
    p_held_skus text[], p_held_locations text[], p_held_quantities integer[],
    p_skus text[], p_network integer[], p_pinned integer[], p_total integer[],
    p_aggregate varchar, p_event_count integer, p_occurred timestamptz, p_events json)
returns table (kind text, sku varchar, location varchar, on_hand integer, reserved integer, allocated integer,
               safety integer, inbound integer, returns_in_transit integer, quarantine integer,
               network_reserved integer, positions_ats integer, level varchar)
language plpgsql volatile as $$
#variable_conflict use_column
declare
    i integer;
begin
    insert into inv_reservation (reservation_key, reference, status, created_at, expires_at, req_skus, req_locations,
                                 req_quantities, held_skus, held_locations, held_quantities)
    values (p_key, p_reference, 'ACTIVE', p_created, p_expires, p_req_skus, p_req_locations, p_req_quantities,
            p_held_skus, p_held_locations, p_held_quantities)
    on conflict (reservation_key) do nothing;
    if not found then
        kind := 'replay';
        return next;
        return;
    end if;

    -- every SKU first, in ascending order: the update locks its row and holds only if the network's available to
    -- sell covers the SKU's lines (pinned ones included, as their positions' available to sell counts in the network's)
    for i in 1 .. cardinality(p_skus) loop
        update inv_sku k set network_reserved = k.network_reserved + p_network[i],
                             positions_ats = k.positions_ats - p_pinned[i]
        where k.sku = p_skus[i] and k.positions_ats - k.network_reserved >= p_total[i]
        returning 'sku', k.sku, null::varchar, k.on_hand, null::integer, null::integer, null::integer, null::integer,
                  null::integer, null::integer, k.network_reserved, k.positions_ats, k.level
        into kind, sku, location, on_hand, reserved, allocated, safety, inbound, returns_in_transit, quarantine,
             network_reserved, positions_ats, level;
        if not found then
            kind := 'short';
            return next;
            return;
        end if;
        return next;
    end loop;

    -- then pinned lines, under their SKU's lock: the position's available to sell must cover the line
    for i in 1 .. cardinality(p_held_skus) loop
        continue when p_held_locations[i] is null;
        update inv_position p set reserved = p.reserved + p_held_quantities[i]
        where p.sku = p_held_skus[i] and p.location = p_held_locations[i]
          and p.on_hand - p.reserved - p.allocated - p.safety >= p_held_quantities[i]
        returning 'position', p.sku, p.location, p.on_hand, p.reserved, p.allocated, p.safety, p.inbound,
                  p.returns_in_transit, p.quarantine, null::integer, null::integer, p.level
        into kind, sku, location, on_hand, reserved, allocated, safety, inbound, returns_in_transit, quarantine,
             network_reserved, positions_ats, level;
        if not found then
            kind := 'short';
            return next;
            return;
        end if;
        return next;
    end loop;

    insert into oms_outbox (aggregate_id, event_count, occurred_at, payload)
    values (p_aggregate, p_event_count, p_occurred, p_events);
end
$$;
