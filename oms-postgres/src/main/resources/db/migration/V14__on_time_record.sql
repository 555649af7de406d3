-- The carriers' on-time record for PostgresOnTimeRecordStore: per carrier service and lane, how many delivered parcels
-- arrived on time and how many late (postal_area '' counts the whole country), and the ids of the observations counted,
-- which make counting one again harmless. Text keys are in the "C" collation (byte order, Java's String order), so that
-- tallies list in the order the in-memory store gives.
create table oms_on_time_tally (
    carrier     text   collate "C" not null,
    service     text   collate "C" not null,
    origin      text   collate "C" not null,
    country     text   collate "C" not null,
    postal_area text   collate "C" not null,
    on_time     bigint not null check (on_time >= 0),
    late        bigint not null check (late >= 0),
    primary key (carrier, service, origin, country, postal_area)
);

create table oms_delivery_observation (
    observation_id uuid primary key
);
