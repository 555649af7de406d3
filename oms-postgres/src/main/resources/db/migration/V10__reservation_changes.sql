-- Cart holds that change in place (PostgresInventoryStore.change): the keys of the latest changes applied to each
-- reservation, oldest first, at most 16 (ReservationChange.REMEMBERED_CHANGES), so that a change retried after a crash
-- replays instead of applying again over a later one.
alter table inv_reservation add column change_keys text[] not null default '{}';
