-- notification (issue 5, point 3): per user and type, the channel kinds switched off; quiet hours per user.
create table notification_preference (
    user_id         bigint       not null,
    type            varchar(40)  not null,
    disabled_kinds  varchar(100) not null,
    primary key (user_id, type)
);

create table notification_quiet_hours (
    user_id       bigint  primary key,
    start_minute  integer not null,
    end_minute    integer not null
);
