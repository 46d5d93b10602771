package io.infodesk.notification.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;

import io.infodesk.shared.text.Texts;

/**
 * A channel's failure as the application records and shows it (issue 17, finding 7): a neutral Chinese reason — timed
 * out, unreachable, refused by the target with its HTTP status or robot error code, an address not sent to — never an
 * exception's text nor an address, so that the channel list, the attempts and the audit trail are no scanner of the
 * server's network. The exception itself goes to the server log only.
 */
final class ChannelFailure extends Exception {

	private static final long serialVersionUID = 1L;

	private final String key;

	private final String[] args;

	private ChannelFailure(String key, String... args) {
		super(key);
		this.key = key;
		this.args = args;
	}

	/** The target answered with a status other than 2xx. */
	static ChannelFailure status(int status) {
		return new ChannelFailure("notification.error.status", String.valueOf(status));
	}

	/** A group robot answered with an error code. */
	static ChannelFailure robot(int errcode) {
		return new ChannelFailure("notification.error.robot", String.valueOf(errcode));
	}

	/** The target is not http(s) or is a link-local, metadata or private address. */
	static ChannelFailure targetRefused() {
		return new ChannelFailure("notification.error.targetRefused");
	}

	/** No SMTP server is set up. */
	static ChannelFailure smtpMissing() {
		return new ChannelFailure("notification.error.smtpMissing");
	}

	/** The neutral reason of any failure of a send. */
	static String neutral(Throwable failure, Texts texts) {
		if (failure instanceof ChannelFailure known) {
			return texts.get(known.key, (Object[]) known.args);
		}
		return texts.get(keyOf(failure));
	}

	private static String keyOf(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException
					|| cause instanceof TimeoutException) {
				return "notification.error.timeout";
			}
			if (cause instanceof MailAuthenticationException) {
				return "notification.error.mailLogin";
			}
			if (cause instanceof SSLException) {
				return "notification.error.tls";
			}
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException) {
				return "notification.error.unreachable";
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if (failure instanceof MailException) {
			return "notification.error.mail";
		}
		if (failure instanceof IOException) {
			return "notification.error.unreachable";
		}
		return "notification.error.other";
	}

}
