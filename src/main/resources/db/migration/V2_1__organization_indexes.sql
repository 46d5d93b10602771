-- organization: a person's name is unique within their unit (the rule the services check, kept by the
-- database as well, e.g. against two imports at once), and look-ups by person for designations and
-- by leader for assignments (deactivating a person ends both).
create unique index ux_org_person_unit_name on org_person (unit_id, name);
create index ix_org_publicist_person on org_publicist_designation (person_id);
create index ix_org_leader_assignment_leader on org_leader_assignment (leader_id);
