package io.infodesk.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.infodesk.shared.security.AuthenticatedUser;
import io.infodesk.shared.security.CurrentUser;
import io.infodesk.shared.text.Texts;

/**
 * The REST API ({@code /api/**}, issue 3 point 10) and its OpenAPI document ({@code /v3/api-docs}).
 * <ul>
 * <li>{@code /api/**} is session-less: HTTP Basic on every request (over HTTPS in production), no session is created
 * or read, so a browser's login cookie never authorises an API call. CSRF protection is therefore off for it, and
 * every request that changes something must carry {@code Content-Type: application/json} (a cross-site form cannot
 * send it, and no CORS is allowed), which also keeps browser-cached Basic credentials from being replayed by a
 * foreign page. Failed Basic logins count towards the lockout like failed form logins (and are audited as
 * LOGIN_FAILED); successful ones are not audited as logins, one per request.</li>
 * <li>Anonymous: 401 with {@code WWW-Authenticate: Basic} and an RFC 9457 problem body in Chinese; a refused
 * permission: 403 likewise; an account that must first change its password is refused until it has done so on the
 * web page.</li>
 * <li>{@code /v3/api-docs/**}: any logged-in user — through the browser session (Swagger UI at
 * {@code /swagger-ui/index.html}, behind the form login of the main chain) or with HTTP Basic (tools); GET only.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String REALM = "InfoDesk API";

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

	@Bean
	@Order(1)
	SecurityFilterChain apiFilterChain(HttpSecurity http, AccountUserDetailsService users, PasswordEncoder encoder,
			ApplicationEventPublisher publisher, Texts texts, ApiTokens tokens, SecondFactors factors,
			LoginThrottle throttle) throws Exception {
		Problems problems = new Problems(texts);
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems::unauthorized))
			.authenticationManager(basicAuthentication(users, encoder, publisher, tokens, factors))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler((request, response, denied) -> problems.write(response, 403, "forbidden", "forbidden")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
				.frameOptions(frame -> frame.deny()))
			.addFilterBefore(new JsonOnlyWrites(problems), BasicAuthenticationFilter.class)
			.addFilterBefore(new LoginSteps.Throttled(throttle, problems), BasicAuthenticationFilter.class)
			.addFilterAfter(new PasswordChangeRequired(problems), AuthorizationFilter.class)
			.addFilterAfter(new ReadOnlyToken(problems), PasswordChangeRequired.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiDocsFilterChain(HttpSecurity http, AccountUserDetailsService users, PasswordEncoder encoder,
			ApplicationEventPublisher publisher, Texts texts, ApiTokens tokens, SecondFactors factors,
			LoginThrottle throttle) throws Exception {
		Problems problems = new Problems(texts);
		http.securityMatcher("/v3/api-docs", "/v3/api-docs/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problems::unauthorized))
			.authenticationManager(basicAuthentication(users, encoder, publisher, tokens, factors))
			// reads the browser's login session (Swagger UI), never creates one
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems::unauthorized))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterBefore(new LoginSteps.Throttled(throttle, new Problems(texts)), BasicAuthenticationFilter.class)
			// a browser session that still owes its second factor reads no document either
			.addFilterAfter(new LoginSteps.FactorPending(), AuthorizationFilter.class);
		return http.build();
	}

	/**
	 * Basic credentials: an API token ({@link ApiTokens}, scoped, expiring, revocable) or, for an account that need
	 * not use the second factor, the password checked like the form login's (same accounts, lock and disable flags,
	 * BCrypt). An account that must use the second factor is refused its password here (without checking it, so such
	 * requests never lock the account). Failures are published for {@link LoginAuditing} (counting, lockout, audit),
	 * successes not (one "login" per request).
	 */
	private static AuthenticationManager basicAuthentication(AccountUserDetailsService users, PasswordEncoder encoder,
			ApplicationEventPublisher publisher, ApiTokens tokens, SecondFactors factors) {
		DaoAuthenticationProvider passwords = SecurityConfiguration.passwordProvider(users, encoder);
		AuthenticationProvider provider = new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				String username = authentication.getName();
				String secret = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
				if (secret.startsWith(ApiTokens.PREFIX)) {
					AuthenticatedUser user;
					try {
						user = (AuthenticatedUser) users.loadUserByUsername(username);
					}
					catch (UsernameNotFoundException ex) {
						throw new BadCredentialsException("用户名或密码错误");
					}
					ApiTokens.Scope scope = tokens.authenticate(user.userId(), secret)
						.orElseThrow(() -> new BadCredentialsException("用户名或密码错误"));
					new AccountStatusUserDetailsChecker().check(user);
					user.eraseCredentials();
					List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
					authorities.add(new SimpleGrantedAuthority(TOKEN_SCOPE + scope.name()));
					return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
				}
				users.findUser(username).filter(factors::required).ifPresent(user -> {
					throw new ApiPasswordRefused();
				});
				return passwords.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
			}
		};
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(new FailuresOnly(new DefaultAuthenticationEventPublisher(publisher)));
		return manager;
	}

	static final String TOKEN_SCOPE = "API_TOKEN_";

	/** A READ token reads only: any request but GET, HEAD or OPTIONS is refused with 403. */
	static final class ReadOnlyToken extends OncePerRequestFilter {

		private final Problems problems;

		ReadOnlyToken(Problems problems) {
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			boolean readOnly = authentication != null && authentication.getAuthorities()
				.stream()
				.anyMatch(authority -> (TOKEN_SCOPE + ApiTokens.Scope.READ.name()).equals(authority.getAuthority()));
			if (readOnly && !SAFE_METHODS.contains(request.getMethod())) {
				problems.write(response, 403, "forbidden", "tokenReadOnly");
				return;
			}
			chain.doFilter(request, response);
		}

	}

	private record FailuresOnly(AuthenticationEventPublisher delegate) implements AuthenticationEventPublisher {

		@Override
		public void publishAuthenticationSuccess(Authentication authentication) {
			// not a login: the API authenticates every request
		}

		@Override
		public void publishAuthenticationFailure(AuthenticationException exception, Authentication authentication) {
			delegate.publishAuthenticationFailure(exception, authentication);
		}

	}

	/**
	 * RFC 9457 problem bodies written by the security filters (outside Spring MVC; serialised by Jackson), with the
	 * same Chinese texts ({@code api.problem.*}) as the API's MVC handler {@code shared.web.ApiProblemHandler}.
	 */
	record Problems(Texts texts) {

		private static final ObjectMapper JSON = JsonMapper.builder().build();

		void unauthorized(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
				throws IOException {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			write(response, 401, "unauthorized", "unauthorized");
		}

		/** Title {@code api.problem.title.<titleKey>}, detail {@code api.problem.<detailKey>}. */
		void write(HttpServletResponse response, int status, String titleKey, String detailKey) throws IOException {
			response.setStatus(status);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("type", "about:blank");
			problem.put("title", texts.get("api.problem.title." + titleKey));
			problem.put("status", status);
			problem.put("detail", texts.get("api.problem." + detailKey));
			response.getWriter().write(JSON.writeValueAsString(problem));
		}

	}

	/** A request that changes something must send JSON: cross-site forms cannot, so Basic needs no CSRF token. */
	static final class JsonOnlyWrites extends OncePerRequestFilter {

		private final Problems problems;

		JsonOnlyWrites(Problems problems) {
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!SAFE_METHODS.contains(request.getMethod()) && !isJson(request.getContentType())) {
				problems.write(response, 415, "unsupported", "jsonOnly");
				return;
			}
			chain.doFilter(request, response);
		}

		private static boolean isJson(String contentType) {
			if (contentType == null) {
				return false;
			}
			try {
				return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType))
						&& !MediaType.parseMediaType(contentType).isWildcardType();
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}

	}

	/** An initial or reset password is changed on the web page first (PasswordChangeEnforcer's rule for pages). */
	static final class PasswordChangeRequired extends OncePerRequestFilter {

		private final Problems problems;

		PasswordChangeRequired(Problems problems) {
			this.problems = problems;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (CurrentUser.get().map(user -> user.mustChangePassword()).orElse(false)) {
				problems.write(response, 403, "passwordChange", "passwordChange");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
