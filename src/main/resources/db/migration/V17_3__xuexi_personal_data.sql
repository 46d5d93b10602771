-- xuexi: the platform phone of a roster member and of an unmatched platform member stored encrypted (SM4-GCM); the
-- identity key of an unmatched member (which held name and phone) stored as its keyed hash. Values stored before are
-- encrypted at start (xuexi.internal.XuexiPersonalDataAtRest).
alter table xuexi_member alter column platform_phone set data type varchar(200);
alter table xuexi_unmatched alter column platform_phone set data type varchar(200);
