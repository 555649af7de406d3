-- Tracking numbers for PostgresFulfilmentRepository.withTrackingNumber: a carrier's webhook names a parcel by carrier
-- and tracking number, and the fulfilment it belongs to is found through this index on the booking kept in the
-- fulfilment's document (no new table: the booking and what the carrier reported live in the document). Carriers
-- recycle numbers, so the index is not unique; only fulfilments with a label are indexed.
create index oms_fulfilment_by_tracking_number on oms_fulfilment (
    (document -> 'booking' -> 'label' ->> 'trackingNumber'),
    (document -> 'booking' -> 'service' ->> 'carrier'))
    where (document -> 'booking' -> 'label' ->> 'trackingNumber') is not null;
