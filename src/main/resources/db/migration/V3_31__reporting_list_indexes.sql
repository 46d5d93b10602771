-- reporting: indexes for the item register at scale (bench/, docs/performance.md). The register of a user whose
-- scope is one unit or a few orders the unit's items by creation time; an item is also visible to its drafter and
-- co-authors, found by (person, item) without touching the authors' other columns.
create index ix_rpt_item_unit_created on rpt_item (unit_id, created_at);
create index ix_rpt_item_drafter on rpt_item (drafter_user_id);
create index ix_rpt_item_author_person_item on rpt_item_author (person_id, item_id);
