package io.infodesk.notification;

/** How a channel delivers: e-mail through the configured SMTP server, a group robot, or a generic JSON webhook. */
public enum ChannelKind {

	EMAIL, WECOM, DINGTALK, WEBHOOK;

	public String labelKey() {
		return "notification.channel.kind." + name();
	}

}
