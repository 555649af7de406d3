-- The fast path of PostgresInventoryStore.release(key): one statement, run in auto-commit mode, that gives back
-- everything an active reservation holds when no alert level moves. The caller read the reservation just before
-- and passes the held lines it saw (parallel arrays, location null for network-wide) with the events it built from
-- them; the function releases only if the row is still active and holds exactly those lines, so a concurrent
-- release, expiry or partial release makes it answer 'stale' (nothing written) and the caller takes its
-- transactional path. Locks in the order of every other writer: the reservation row, then the SKU rows in ascending
-- order (p_skus must be sorted and distinct), each SKU's positions under its SKU's lock. When an alert level would
-- change it raises SQLSTATE P0001 with a message starting 'inv_try_release:', which undoes everything.

create function inv_try_release(
    p_key varchar, p_held_skus text[], p_held_locations text[], p_held_quantities integer[],
    p_skus text[], p_sku_low integer[], p_sku_overstock integer[], p_held_low integer[], p_held_overstock integer[],
    p_aggregate varchar, p_event_count integer, p_occurred timestamptz, p_events json)
returns text
language plpgsql volatile as $$
declare
    i integer;
    j integer;
    v_network integer;
    v_ats_delta integer;
    v_ats integer;
    v_on_hand integer;
    v_level varchar;
begin
    update inv_reservation r set status = 'RELEASED', held_skus = '{}', held_locations = '{}', held_quantities = '{}'
    where r.reservation_key = p_key and r.status = 'ACTIVE' and r.held_skus = p_held_skus
      and r.held_locations = p_held_locations and r.held_quantities = p_held_quantities;
    if not found then
        return 'stale';
    end if;

    for i in 1 .. cardinality(p_skus) loop
        perform 1 from inv_sku k where k.sku = p_skus[i] for update;
        v_network := 0;
        v_ats_delta := 0;
        for j in 1 .. cardinality(p_held_skus) loop
            continue when p_held_skus[j] <> p_skus[i];
            if p_held_locations[j] is null then
                v_network := v_network + p_held_quantities[j];
                continue;
            end if;
            update inv_position p set reserved = p.reserved - p_held_quantities[j]
            where p.sku = p_held_skus[j] and p.location = p_held_locations[j]
            returning p.on_hand - p.reserved - p.allocated - p.safety, p.on_hand, p.level
            into v_ats, v_on_hand, v_level;
            if not found then
                raise exception 'inv_try_release: no position % at %', p_held_skus[j], p_held_locations[j];
            end if;
            v_ats_delta := v_ats_delta + greatest(0, v_ats) - greatest(0, v_ats - p_held_quantities[j]);
            if inv_level(greatest(0, v_ats), v_on_hand, p_held_low[j], p_held_overstock[j]) <> v_level then
                raise exception 'inv_try_release: level of % at % changes', p_held_skus[j], p_held_locations[j];
            end if;
        end loop;
        update inv_sku k set network_reserved = k.network_reserved - v_network,
                             positions_ats = k.positions_ats + v_ats_delta
        where k.sku = p_skus[i]
        returning greatest(0, k.positions_ats - k.network_reserved), k.on_hand, k.level
        into v_ats, v_on_hand, v_level;
        if inv_level(v_ats, v_on_hand, p_sku_low[i], p_sku_overstock[i]) <> v_level then
            raise exception 'inv_try_release: level of % changes', p_skus[i];
        end if;
    end loop;

    insert into oms_outbox (aggregate_id, event_count, occurred_at, payload)
    values (p_aggregate, p_event_count, p_occurred, p_events);
    return 'released';
end
$$;
