package io.infodesk.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Heavy work never runs because a page embedded a URL (issue 17, finding 3): a request the browser makes to load an
 * image, a script, a style or another subresource ({@code Sec-Fetch-Dest} other than {@code document}, a frame or
 * {@code empty} — a navigation, a form, htmx) is refused with 403 unless it asks for a static file or a file of the
 * store. So an {@code <img src="/reporting/items/export">} or {@code /assessment/recompute?from=…} that slipped into
 * some HTML makes the reader's browser fire nothing: exports, previews and recomputations run only when the user
 * navigates to them or submits a form. Browsers without Fetch Metadata send no header and are not affected (the
 * rich text sanitiser keeps only images of the file store anyway, {@code review.RichText}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class SubresourceGuard extends OncePerRequestFilter {

	/** Destinations that are a user's own navigation or a script's fetch (htmx), not an embedded subresource. */
	private static final Set<String> NAVIGATION = Set.of("document", "empty", "iframe", "frame", "nested-document");

	/** What a page may embed: static files and the files of the store (attachments shown inline, evidence). */
	static final List<String> EMBEDDABLE = List.of("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
			"/reporting/attachments/*", "/publicity/coverage/*/evidence", "/monitoring/clues/*/screenshot",
			"/account/factor/qr.png", "/error", "/error/**");

	private final AntPathMatcher paths = new AntPathMatcher();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String destination = request.getHeader("Sec-Fetch-Dest");
		if (destination != null && !NAVIGATION.contains(destination.strip().toLowerCase(java.util.Locale.ROOT))
				&& !embeddable(request.getRequestURI().substring(request.getContextPath().length()))) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean embeddable(String path) {
		return EMBEDDABLE.stream().anyMatch(pattern -> paths.match(pattern, path));
	}

}
