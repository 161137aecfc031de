package io.oriole.identity;

import java.io.Serializable;

import jakarta.servlet.http.HttpServletRequest;

/** The workspace (tenant slug) typed on the login form, carried next to e-mail and password. */
public record TenantLoginDetails(String tenantSlug, String remoteAddress) implements Serializable {

    public static TenantLoginDetails from(HttpServletRequest request) {
        String slug = request.getParameter("tenant");
        return new TenantLoginDetails(slug == null ? "" : slug.trim().toLowerCase(java.util.Locale.ROOT),
                request.getRemoteAddr());
    }
}
