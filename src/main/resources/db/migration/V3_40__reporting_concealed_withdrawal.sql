-- reporting: a record of the 瞒报漏报 register can be withdrawn (撤销) by the office with a reason — a record made in
-- error; the record stays, marked, and assessment cancels its deduction (ReportConcealedWithdrawn).
alter table rpt_concealed_report add column withdrawn_at timestamp(6) with time zone;
alter table rpt_concealed_report add column withdrawn_by_user_id bigint;
alter table rpt_concealed_report add column withdrawn_by_name varchar(50);
alter table rpt_concealed_report add column withdraw_reason varchar(2000);
