-- The registry's staleness check and its redelivery look publications up by status and age every half minute;
-- without this index each look was a scan of the whole table, which holds an hour of completed publications.
CREATE INDEX ix_event_publication_status ON event_publication (status, publication_date);
