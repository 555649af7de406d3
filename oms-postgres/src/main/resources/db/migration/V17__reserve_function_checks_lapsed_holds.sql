-- The fast path of PostgresInventoryStore.reserve, as in V3, with two changes that each save the caller a statement:
-- it first looks for active reservations due at p_created (the caller's now) and, finding any, declines (SQLSTATE
-- P0001, 'inv_try_reserve: lapsed holds due') before writing anything, so that the caller expires them and takes its
-- transactional path (before, the caller looked in a statement of its own); and it answers 'reserved:<id>' with the id
-- of the outbox row it wrote, so that the caller's relay has the row's events without reading the row back. A caller
-- of V3's answer reads 'reserved:<id>' as reserved too (it only tells 'replay' apart). Signature unchanged.

create or replace function inv_try_reserve(
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
    v_outbox bigint;
begin
    if exists (select 1 from inv_reservation where status = 'ACTIVE' and expires_at is not null
               and expires_at <= p_created) then
        raise exception 'inv_try_reserve: lapsed holds due';
    end if;

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
    values (p_aggregate, p_event_count, p_occurred, p_events)
    returning id into v_outbox;
    return 'reserved:' || v_outbox;
end
$$;
