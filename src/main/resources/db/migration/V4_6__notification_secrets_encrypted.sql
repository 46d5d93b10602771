-- notification: the SMTP password and the robots' signing secrets are stored encrypted (SM4-GCM, shared.crypto):
-- "sm4:" + Base64 of nonce, ciphertext and tag is longer than the secret, so the columns widen. Values stored before
-- stay readable as they are and are encrypted when next saved (SecretsAtRest encrypts them at start).
alter table notification_smtp alter column password set data type varchar(600);
alter table notification_channel alter column secret set data type varchar(600);
