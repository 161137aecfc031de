package io.oriole.web.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.oriole.identity.StaffPrincipal;

/** Puts the signed-in user's tenant into every log line of the request. */
class TenantLoggingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal p) {
            MDC.put("tenant", p.tenantId().toString());
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            MDC.remove("tenant");
            MDC.remove("conversation");
        }
    }
}
