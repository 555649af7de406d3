-- A return whose carrier label waits for the carrier (a booking or a voiding asked and not answered, a cancelled
-- return's booked label not yet voided): what PostgresReturnRepository.findWithOpenLabel and the label sweep look for.
alter table oms_return add column label_open boolean not null default false;

update oms_return set label_open = true
where document -> 'label' ->> 'status' = 'REQUESTED';

create index oms_return_open_label on oms_return (opened_at, return_id) where label_open;
