package io.infodesk.account.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Form login with a Chinese login page, BCrypt hashes, CSRF on every form, a strict CSP without
 * inline scripts, no framing, and deny by default: every request needs a login, and every handler
 * method must name its permission (see {@code PermissionRequiredInterceptor}). Sessions end after
 * 30 idle minutes ({@code server.servlet.session.timeout} in application.yml) and at once when an
 * administrator locks, disables or changes the account ({@link AccountSessions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	static final String[] PUBLIC_PATHS = { "/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
			"/favicon.ico", "/actuator/health", "/actuator/health/**",
			// the publicity calendar's iCalendar feeds: the secret token in the URL is the credential (issue 12)
			"/feeds/publicity/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PasswordChangeEnforcer passwordChangeEnforcer,
			SessionRegistry sessionRegistry, LoginCompletion loginCompletion, SecuritySettings settings,
			LoginThrottle throttle, AccountSessions sessions, Clock clock,
			@Value("${server.servlet.session.timeout:30m}") Duration idleTimeout, AccountUserDetailsService users,
			PasswordEncoder encoder, AuthenticationEventPublisher publisher) throws Exception {
		http.authenticationManager(passwordAuthentication(users, encoder, publisher))
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login")
				.successHandler(loginCompletion)
				.failureHandler((request, response, exception) -> {
					// locked or disabled only after the right password (DaoAuthenticationProvider's checks swapped in
					// passwordAuthentication): a wrong password tells nobody whether the username exists (finding 4)
					String code = exception instanceof LockedException ? "locked"
							: exception instanceof DisabledException ? "disabled" : "bad";
					response.sendRedirect(request.getContextPath() + "/login?error=" + code);
				})
				.permitAll())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginEntryPoint()))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
				.sessionConcurrency(concurrency -> concurrency
					.maximumSessions(authentication -> settings.maxSessions())
					.sessionRegistry(sessionRegistry)
					.expiredUrl("/login?expired")))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.addFilterBefore(new LoginSteps.Throttled(throttle, null), UsernamePasswordAuthenticationFilter.class)
			.addFilterBefore(new LoginSteps.IdleTimeout(idleTimeout, clock, sessions), AuthorizationFilter.class)
			.addFilterAfter(new LoginSteps.FactorPending(), AuthorizationFilter.class)
			.addFilterAfter(passwordChangeEnforcer, LoginSteps.FactorPending.class);
		return http.build();
	}

	/**
	 * The password check of the form login: BCrypt; an account's lock or deactivation is reported only once the
	 * password was right (Spring's default checks them first, which told a locked real username from an unknown one).
	 */
	static AuthenticationManager passwordAuthentication(AccountUserDetailsService users, PasswordEncoder encoder,
			AuthenticationEventPublisher publisher) {
		ProviderManager manager = new ProviderManager(passwordProvider(users, encoder));
		manager.setAuthenticationEventPublisher(publisher);
		return manager;
	}

	static DaoAuthenticationProvider passwordProvider(AccountUserDetailsService users, PasswordEncoder encoder) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();
		provider.setPreAuthenticationChecks(user -> {
		});
		provider.setPostAuthenticationChecks(status);
		return provider;
	}

	/** The enforcer runs inside the security filter chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<PasswordChangeEnforcer> passwordChangeEnforcerRegistration(PasswordChangeEnforcer enforcer) {
		FilterRegistrationBean<PasswordChangeEnforcer> registration = new FilterRegistrationBean<>(enforcer);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * The sessions of this instance by account, so that locking or disabling an account ends them; profile cluster
	 * replaces it with the registry of the shared sessions ({@link ClusterSessionConfiguration}).
	 */
	@Bean
	@Profile("!" + ClusterSessionConfiguration.PROFILE)
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/** Tells the session registry when the servlet container ends a session (logout, 30-minute timeout). */
	@Bean
	HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

}
