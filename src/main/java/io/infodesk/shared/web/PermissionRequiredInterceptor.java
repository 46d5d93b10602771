package io.infodesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Deny by default: a controller method that does not declare who may call it
 * ({@link PreAuthorize} on the method or its class) is refused, so a forgotten annotation closes a
 * page instead of opening it. Framework handlers (error, static resources) are not controllers of
 * ours and pass.
 */
public class PermissionRequiredInterceptor implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && isOurs(method)) {
			boolean declared = AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
					|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
			if (!declared) {
				throw new AccessDeniedException("未声明访问权限的接口：" + method.getShortLogMessage());
			}
		}
		return true;
	}

	static boolean isOurs(HandlerMethod method) {
		return method.getBeanType().getPackageName().startsWith("io.infodesk");
	}

}
