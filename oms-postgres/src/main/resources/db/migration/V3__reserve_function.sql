-- The fast path of PostgresInventoryStore.reserve: one statement, run in auto-commit mode, for a reservation that
-- fits and moves no alert level. It follows the discipline of the Java code: insert the reservation first (its key
-- is the idempotency key), update the SKU rows in ascending order (p_skus must be sorted and distinct; the update
-- locks the row and holds only if the network's available to sell covers the SKU's lines), then each pinned
-- position under its SKU's lock, and write the events to the outbox, all in the statement's transaction.
-- It returns 'reserved', or 'replay' when the key exists (nothing written). When a line does not fit, or an alert
-- level would change (the caller must then raise a StockLevelChanged event), it raises SQLSTATE P0001 with a message
-- starting 'inv_try_reserve:', which undoes everything; the caller then takes its transactional path.
-- Every statement is a primary-key lookup and sees the latest committed rows (READ COMMITTED, volatile function).

-- The alert level of a position or network, as io.omskit.core.inventory.StockLevel.of computes it.
create function inv_level(ats integer, on_hand integer, low integer, overstock integer) returns varchar
language sql immutable as $$
    select case when ats <= 0 then 'OUT_OF_STOCK'
                when on_hand >= overstock then 'OVERSTOCK'
                when ats <= low then 'LOW'
                else 'NORMAL' end
$$;

create function inv_try_reserve(
    p_key varchar, p_reference text, p_created timestamptz, p_expires timestamptz,
    p_req_skus text[], p_req_locations text[], p_req_quantities integer[],
    p_held_skus text[], p_held_locations text[], p_held_quantities integer[],
    p_skus text[], p_network integer[], p_pinned integer[], p_total integer[],
    p_sku_low integer[], p_sku_overstock integer[], p_held_low integer[], p_held_overstock integer[],
    p_aggregate varchar, p_event_count integer, p_occurred timestamptz, p_events json)
returns text
language plpgsql volatile as $$
declare
    i integer;
    v_ats integer;
    v_on_hand integer;
    v_level varchar;
begin
    insert into inv_reservation (reservation_key, reference, status, created_at, expires_at, req_skus, req_locations,
                                 req_quantities, held_skus, held_locations, held_quantities)
    values (p_key, p_reference, 'ACTIVE', p_created, p_expires, p_req_skus, p_req_locations, p_req_quantities,
            p_held_skus, p_held_locations, p_held_quantities)
    on conflict (reservation_key) do nothing;
    if not found then
        return 'replay';
    end if;

    for i in 1 .. cardinality(p_skus) loop
        update inv_sku k set network_reserved = k.network_reserved + p_network[i],
                             positions_ats = k.positions_ats - p_pinned[i]
        where k.sku = p_skus[i] and k.positions_ats - k.network_reserved >= p_total[i]
        returning greatest(0, k.positions_ats - k.network_reserved), k.on_hand, k.level
        into v_ats, v_on_hand, v_level;
        if not found then
            raise exception 'inv_try_reserve: short of %', p_skus[i];
        end if;
        if inv_level(v_ats, v_on_hand, p_sku_low[i], p_sku_overstock[i]) <> v_level then
            raise exception 'inv_try_reserve: level of % changes', p_skus[i];
        end if;
    end loop;

    for i in 1 .. cardinality(p_held_skus) loop
        continue when p_held_locations[i] is null;
        update inv_position p set reserved = p.reserved + p_held_quantities[i]
        where p.sku = p_held_skus[i] and p.location = p_held_locations[i]
          and p.on_hand - p.reserved - p.allocated - p.safety >= p_held_quantities[i]
        returning greatest(0, p.on_hand - p.reserved - p.allocated - p.safety), p.on_hand, p.level
        into v_ats, v_on_hand, v_level;
        if not found then
            raise exception 'inv_try_reserve: short of % at %', p_held_skus[i], p_held_locations[i];
        end if;
        if inv_level(v_ats, v_on_hand, p_held_low[i], p_held_overstock[i]) <> v_level then
            raise exception 'inv_try_reserve: level of % at % changes', p_held_skus[i], p_held_locations[i];
        end if;
    end loop;

    insert into oms_outbox (aggregate_id, event_count, occurred_at, payload)
    values (p_aggregate, p_event_count, p_occurred, p_events);
    return 'reserved';
end
$$;
