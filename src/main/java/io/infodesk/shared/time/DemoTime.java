package io.infodesk.shared.time;

import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Past-dated demo data (profile {@code demo} only): while the demo writes its year, {@link #at} lets the calling
 * thread see the application's {@link Clock} at an earlier instant, so the services date every record, review
 * step, deadline and event as they would have been in real use. Every other thread, and this one outside
 * {@code at}, sees the clock unchanged. The clock bean is wrapped once at start-up (a subclass proxy where the
 * clock's class allows one, so a test's own clock type still injects).
 */
@Component
@Profile("demo")
public class DemoTime implements BeanPostProcessor {

	private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();

	/** Runs the action with the clock of this thread standing at the instant. */
	public static <T> T at(Instant instant, Supplier<T> action) {
		Instant before = NOW.get();
		NOW.set(instant);
		try {
			return action.get();
		}
		finally {
			if (before == null) {
				NOW.remove();
			}
			else {
				NOW.set(before);
			}
		}
	}

	public static void at(Instant instant, Runnable action) {
		at(instant, () -> {
			action.run();
			return null;
		});
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof Clock clock) || bean instanceof Shifted) {
			return bean;
		}
		if (Modifier.isFinal(bean.getClass().getModifiers()) || !Modifier.isPublic(bean.getClass().getModifiers())) {
			return new Shifted(clock);
		}
		ProxyFactory proxy = new ProxyFactory(clock);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice((MethodInterceptor) invocation -> {
			Instant shifted = NOW.get();
			if (shifted != null) {
				switch (invocation.getMethod().getName()) {
					case "instant":
						return shifted;
					case "millis":
						return shifted.toEpochMilli();
					default:
				}
			}
			return invocation.proceed();
		});
		return proxy.getProxy(clock.getClass().getClassLoader());
	}

	/** The application's clock, shifted on a thread inside {@link #at}. */
	static final class Shifted extends Clock {

		private final Clock clock;

		Shifted(Clock clock) {
			this.clock = clock;
		}

		@Override
		public ZoneId getZone() {
			return clock.getZone();
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return new Shifted(clock.withZone(zone));
		}

		@Override
		public Instant instant() {
			Instant shifted = NOW.get();
			return shifted != null ? shifted : clock.instant();
		}

	}

}
