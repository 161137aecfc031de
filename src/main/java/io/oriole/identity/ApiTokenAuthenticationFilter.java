package io.oriole.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates {@code Authorization: Bearer ori_…} requests; anything else passes through untouched. */
public class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    /**
     * Request attribute set when the token is valid but its tenant is suspended, so that the entry point answers 403
     * with that reason rather than 401.
     */
    public static final String TENANT_SUSPENDED = ApiTokenAuthenticationFilter.class.getName() + ".tenantSuspended";

    private final ApiTokenManagement tokens;

    public ApiTokenAuthenticationFilter(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String presented = header.substring(7).trim();
            tokens.authenticate(presented).ifPresentOrElse(principal -> {
                var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.authorities());
                SecurityContextHolder.getContext().setAuthentication(auth);
            }, () -> {
                if (tokens.ofSuspendedTenant(presented)) {
                    request.setAttribute(TENANT_SUSPENDED, Boolean.TRUE);
                }
            });
        }
        chain.doFilter(request, response);
    }
}
