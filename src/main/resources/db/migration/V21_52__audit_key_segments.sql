-- audit (issue 17): rotation of the chain key. Each row starts a keyed segment: the entries from from_seq on (up to
-- the next row) carry HMAC-SM3 links under the key of that fingerprint (the key itself stays outside the database; the
-- retired ones are configured under infodesk.audit.chain.retired-keys so that the older segments still verify). The
-- first row is written by the first append after this migration, for the key in use since keyed_from_seq.
create table audit_key_segment (
    from_seq         bigint      not null primary key,
    key_fingerprint  varchar(16) not null,
    started_at       timestamp(6) with time zone not null
);
