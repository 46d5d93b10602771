-- The adoption and instruction registers list newest first (day desc, id desc) and page by offset: an index in that
-- order lets PostgreSQL read a page without sorting every row (issue 16, docs/performance.md). It supersedes the
-- day-only index of the adoptions.
create index ix_rpt_adoption_day_id on rpt_adoption (adopted_on, id);
drop index ix_rpt_adoption_day;
create index ix_rpt_instruction_day_id on rpt_instruction (instructed_on, id);
