-- assessment (issue 4 "Performance"): a stamp that Ledger.write changes to a new random value in the transaction of
-- every entry, so that the rankings can keep the sums of a period in memory and reuse them while the stamp has not
-- moved — on every instance, because the stamp lives in the database. Random rather than counted: a rolled-back
-- write's value is never seen again, so a sum read inside that transaction can never pass for a later ledger
-- (docs/performance.md, docs/assessment.md "Rankings").
create table asm_ledger_stamp (
    id     integer not null primary key,
    stamp  bigint  not null
);

insert into asm_ledger_stamp (id, stamp) values (1, 0);
