package io.oriole.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.oriole.identity.Permission;
import io.oriole.identity.PermissionDenied;
import io.oriole.identity.RequiresPermission;
import io.oriole.identity.StaffPrincipal;

/**
 * Enforces {@link RequiresPermission} on every staff endpoint before its arguments are read. A handler of the API,
 * workspace or console packages without the annotation is refused rather than open: forgetting to decide is not
 * allowed to mean "everyone". The refusal is a {@link PermissionDenied}, which the API answers as problem+json and
 * the staff UI as its 403 page.
 */
@Configuration(proxyBeanMethods = false)
class PermissionCheck implements WebMvcConfigurer, HandlerInterceptor {

    private static final String[] STAFF_PACKAGES = { "io.oriole.web.api.", "io.oriole.web.workspace.",
            "io.oriole.web.console." };

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The error page answers whatever was refused, so it is shown to everyone who was refused.
        if (!(handler instanceof HandlerMethod method) || request.getDispatcherType() == DispatcherType.ERROR
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        Permission needed = required(method);
        if (needed == null) {
            if (isStaffHandler(method)) {
                throw new PermissionDenied(null);
            }
            return true;
        }
        needed.demand(principal());
        return true;
    }

    /** The permission a handler needs: its method's annotation, else its class's; null when neither has one. */
    static Permission required(HandlerMethod method) {
        RequiresPermission onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(),
                RequiresPermission.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        RequiresPermission onType = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(),
                RequiresPermission.class);
        return onType == null ? null : onType.value();
    }

    private static boolean isStaffHandler(HandlerMethod method) {
        String name = method.getBeanType().getName();
        for (String p : STAFF_PACKAGES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static StaffPrincipal principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof StaffPrincipal me ? me : null;
    }
}
