package io.oriole.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

import io.oriole.identity.TenantSuspendedException;

/** Sends the login page the reason, as a code the page translates: wrong credentials, throttled, or the tenant suspended. */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason = exception instanceof LockedException ? "locked"
                : exception instanceof TenantSuspendedException ? "suspended" : "bad";
        String tenant = request.getParameter("tenant");
        String email = request.getParameter("email");
        response.sendRedirect(UriComponentsBuilder.fromPath(request.getContextPath() + "/login")
                .queryParam("error", reason)
                .queryParam("tenant", tenant == null ? "" : tenant)
                .queryParam("email", email == null ? "" : email)
                .encode().build().toUriString());
    }
}
