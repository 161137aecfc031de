package io.oriole.web.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.util.UriComponentsBuilder;

import io.oriole.identity.TenantSuspendedException;

/**
 * Sends the login page back with one answer for every failure: a wrong password, an unknown workspace or e-mail, a
 * disabled account and an attempt refused while backing off look the same, so the page tells nobody which e-mails
 * exist. Only staff whose password matched learn that their tenant is suspended.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String reason = exception instanceof TenantSuspendedException ? "suspended" : "bad";
        String tenant = request.getParameter("tenant");
        String email = request.getParameter("email");
        response.sendRedirect(UriComponentsBuilder.fromPath(request.getContextPath() + "/login")
                .queryParam("error", reason)
                .queryParam("tenant", tenant == null ? "" : tenant)
                .queryParam("email", email == null ? "" : email)
                .encode().build().toUriString());
    }
}
