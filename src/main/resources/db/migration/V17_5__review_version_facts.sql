-- review: a version keeps the document's facts beside title and body (for an item: unit, authors and weights,
-- urgency, event time, solicitation), so that a change of them leaves a trace in the versions too (issue 17).
alter table rpt_document_version add column facts varchar(4000);
