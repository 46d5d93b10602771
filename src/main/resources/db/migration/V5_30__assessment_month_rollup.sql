-- assessment (issue 4 "Performance"): the ledger summed per month, recipient and category, kept by Ledger.write in
-- the transaction of each entry, so that a ranking of months, quarters or a year reads a few thousand rows instead of
-- every entry of the period (docs/performance.md). person_id 0 is the unit's line. Filled from the ledger so far.
create table asm_entry_month (
    month_start  date          not null,
    person_id    bigint        not null,
    unit_id      bigint        not null,
    category     varchar(30)   not null,
    points       numeric(14,2) not null,
    primary key (month_start, person_id, unit_id, category)
);

insert into asm_entry_month (month_start, person_id, unit_id, category, points)
select cast(date_trunc('month', period_date) as date), coalesce(person_id, 0), unit_id, category, sum(points)
from asm_entry
group by cast(date_trunc('month', period_date) as date), coalesce(person_id, 0), unit_id, category;
