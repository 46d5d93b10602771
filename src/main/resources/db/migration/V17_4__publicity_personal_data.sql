-- publicity: the phone and e-mail of a media contact stored encrypted (SM4-GCM); values stored before are encrypted at
-- start (publicity.internal.PublicityPersonalDataAtRest).
alter table pub_outlet_contact alter column phone set data type varchar(200);
alter table pub_outlet_contact alter column email set data type varchar(300);
