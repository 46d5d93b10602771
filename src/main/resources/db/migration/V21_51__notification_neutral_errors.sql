-- issue 17, finding 7: a channel's recorded errors held exception texts (addresses, a port's answer); they now hold a
-- neutral reason, and the ones recorded before are replaced by a neutral one (the details were in the server log)
update notification_channel set last_error = '发送失败，原因已记入服务器日志' where last_error is not null;
update notification_delivery set last_error = '发送失败，原因已记入服务器日志' where last_error is not null;
update notification_attempt set error = '发送失败，原因已记入服务器日志' where error is not null;
