-- organization: the phone number is personal data, stored encrypted with SM4-GCM ("sm4:" + Base64, longer than the
-- number: the column widens) and found by its keyed hash (HMAC-SM3, shared.crypto.KeyedHash). Numbers stored before
-- are encrypted and hashed at start (organization.internal.OrganizationPersonalDataAtRest).
alter table org_person alter column phone set data type varchar(200);
alter table org_person add column phone_hash varchar(80);
create index ix_org_person_phone_hash on org_person (phone_hash);
