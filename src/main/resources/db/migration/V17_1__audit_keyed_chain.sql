-- audit: the chain is keyed (HMAC-SM3 under a key kept outside the database) from the first entry appended after
-- this migration on; the entries before it keep their plain SM3 links and still verify. keyed_from_seq is the first
-- entry of the keyed segment (null until the first append); it is also written to the head log outside the database.
alter table audit_chain_head add column keyed_from_seq bigint;
