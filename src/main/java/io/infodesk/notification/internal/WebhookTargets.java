package io.infodesk.notification.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which addresses a robot or webhook may be sent to (issue 17, finding 7): http(s) only, and never a link-local or
 * cloud metadata address (169.254.0.0/16 with 169.254.169.254, fe80::/10, {@code metadata.google.internal}), nor by
 * default a loopback, private (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) or unspecified one — otherwise the
 * channel form and "send test" are a scanner of the server's own network. An intranet installation whose robots live
 * on private addresses sets {@code infodesk.notification.allow-private-targets=true}; link-local and metadata stay
 * refused. Checked when a channel is saved and again before each send (a name may resolve elsewhere later).
 */
@Component
class WebhookTargets {

	private final boolean allowPrivate;

	WebhookTargets(@Value("${infodesk.notification.allow-private-targets:false}") boolean allowPrivate) {
		this.allowPrivate = allowPrivate;
	}

	/** Whether the address may be used; a host that does not resolve now is judged at send time. */
	boolean allowed(String url) {
		return check(url, false);
	}

	/** Whether the address may be sent to now (its host must resolve to allowed addresses only). */
	boolean allowedNow(String url) {
		return check(url, true);
	}

	private boolean check(String url, boolean mustResolve) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		String host = uri.getHost();
		if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getUserInfo() != null) {
			return false;
		}
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("metadata.google.internal") || name.equals("metadata") || name.endsWith(".internal")) {
			return false;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name.startsWith("[") ? name.substring(1, name.length() - 1) : name);
		}
		catch (UnknownHostException ex) {
			return !mustResolve;
		}
		for (InetAddress address : addresses) {
			if (!allowed(address)) {
				return false;
			}
		}
		return true;
	}

	private boolean allowed(InetAddress address) {
		if (address.isLinkLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address && (bytes[0] & 0xFF) == 169 && (bytes[1] & 0xFF) == 254) {
			return false;
		}
		if (address instanceof Inet6Address && (bytes[0] & 0xFF) == 0xfd && (bytes[1] & 0xFF) == 0x00
				&& address.getHostAddress().startsWith("fd00:ec2")) {
			return false; // the IPv6 metadata address of EC2 (fd00:ec2::254)
		}
		boolean privateAddress = address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isSiteLocalAddress()
				|| (address instanceof Inet4Address && (bytes[0] & 0xFF) == 100 && (bytes[1] & 0xC0) == 64)
				|| (address instanceof Inet4Address && (bytes[0] & 0xFF) == 0)
				|| (address instanceof Inet6Address && (bytes[0] & 0xFE) == 0xFC);
		return allowPrivate || !privateAddress;
	}

}
