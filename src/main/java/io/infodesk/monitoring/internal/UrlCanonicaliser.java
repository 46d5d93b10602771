package io.infodesk.monitoring.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One form per address for exact dedup: scheme and host in lower case, default port, fragment and tracking
 * parameters (utm_*, spm, from, share tokens) dropped, the remaining parameters sorted, trailing slash removed.
 */
public final class UrlCanonicaliser {

	private UrlCanonicaliser() {
	}

	public static String canonical(String url) {
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
				port = -1;
			}
			String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
			if (path.length() > 1 && path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			String query = uri.getRawQuery() == null ? null
					: Arrays.stream(uri.getRawQuery().split("&"))
						.filter(p -> !p.isEmpty())
						.filter(p -> {
							String key = p.split("=", 2)[0].toLowerCase(Locale.ROOT);
							return !key.startsWith("utm_") && !key.equals("spm") && !key.equals("from")
									&& !key.equals("share_token") && !key.equals("isappinstalled");
						})
						.sorted()
						.collect(Collectors.joining("&"));
			return scheme + "://" + host + (port < 0 ? "" : ":" + port) + path
					+ (query == null || query.isEmpty() ? "" : "?" + query);
		}
		catch (URISyntaxException ex) {
			return url.strip();
		}
	}

}
