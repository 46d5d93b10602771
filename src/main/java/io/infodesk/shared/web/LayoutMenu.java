package io.infodesk.shared.web;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

import io.infodesk.shared.security.AuthenticatedUser;

/**
 * The menu of every page ({@code fragments/sidebar.html}), rendered once per set of permissions and active entry and
 * then reused: it depends on nothing else (no record, no count), and its seventy-odd entries — a permission check, an
 * active class, a link and a message each — were the largest part of rendering a simple page (the ranking: half of
 * the application's CPU was Thymeleaf, docs/performance.md, issue 16). A user whose permissions change gets the
 * menu of the new set at once (another key); nothing needs invalidating. The layout calls
 * {@code ${layoutMenu?.sidebar(me, menu)}} (the model attribute of {@code LayoutModelAdvice}).
 */
@Component("layoutMenu")
public class LayoutMenu {

	/** More distinct menus than roles can combine into: the cache starts again rather than grow. */
	static final int MAX_ENTRIES = 2_000;

	private record Key(Set<String> permissions, String menu, String contextPath) {

	}

	private final ITemplateEngine templates;

	private final Map<Key, String> rendered = new ConcurrentHashMap<>();

	LayoutMenu(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The menu's HTML for this user (null: not logged in) with {@code menu} the active entry. */
	public String sidebar(AuthenticatedUser me, String menu) {
		ServletRequestAttributes attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		HttpServletRequest request = attributes.getRequest();
		Key key = new Key(me == null ? null : me.permissions(), menu, request.getContextPath());
		String html = rendered.get(key);
		if (html == null) {
			html = render(me, menu, request, attributes.getResponse());
			if (rendered.size() >= MAX_ENTRIES) {
				rendered.clear();
			}
			rendered.put(key, html);
		}
		return html;
	}

	/** How many menus are kept (for tests). */
	int size() {
		return rendered.size();
	}

	private String render(AuthenticatedUser me, String menu, HttpServletRequest request, HttpServletResponse response) {
		// links without the session id a URL-rewriting container might add for this one user: the HTML is shared
		HttpServletResponse plain = new HttpServletResponseWrapper(response) {

			@Override
			public String encodeURL(String url) {
				return url;
			}

			@Override
			public String encodeRedirectURL(String url) {
				return url;
			}

		};
		var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
			.buildExchange(request, plain);
		WebContext context = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE,
				Map.of("menu", menu == null ? "" : menu));
		context.setVariable("me", me);
		return templates.process("fragments/sidebar", Set.of("sidebar"), context);
	}

}
