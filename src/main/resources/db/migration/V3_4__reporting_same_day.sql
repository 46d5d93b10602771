-- reporting (S3.1-c): time-critical items must be submitted upward by 23:59:59 Asia/Shanghai of the day the
-- event occurred (原则上不超过当日); the clock and, once submitted, the delay are kept on the item.
alter table rpt_item add column urgent boolean not null default false;
alter table rpt_item add column urgent_category varchar(30);
alter table rpt_item add column event_at timestamp(6) with time zone;
alter table rpt_item add column due_at timestamp(6) with time zone;
alter table rpt_item add column first_submitted_at timestamp(6) with time zone;
alter table rpt_item add column late_seconds bigint;
create index ix_rpt_item_urgent on rpt_item (urgent, due_at);
