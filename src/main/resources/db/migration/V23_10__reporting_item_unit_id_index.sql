-- Issue 16: the adoption and instruction registers of a unit-scoped user filter by "item in (select id from rpt_item
-- where unit_id in (…))"; with (unit_id, id) PostgreSQL reads a unit's item ids from the index alone instead of
-- every row of the unit from the table (13,350 rows for one unit of the bench, twice a page). The single-column
-- index stays (H2 uses it for the foreign key of unit_id).
create index ix_rpt_item_unit_id on rpt_item (unit_id, id);
