-- notification (issue 5, point 5): the optional morning digest. Who asked for it, and which days were sent
-- (insert-first, one digest per user and day even with several instances).
create table notification_digest (
    user_id     bigint primary key,
    created_at  timestamp(6) with time zone not null
);

create table notification_digest_sent (
    user_id      bigint not null,
    digest_date  date   not null,
    sent_at      timestamp(6) with time zone not null,
    primary key (user_id, digest_date)
);
