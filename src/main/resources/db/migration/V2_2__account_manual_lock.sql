-- account: a lock set by an administrator, which (unlike the 15-minute lockout after failed logins) lasts until unlocked.
alter table acc_user add column manually_locked boolean default false not null;
