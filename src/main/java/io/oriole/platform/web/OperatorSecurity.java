package io.oriole.platform.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.oriole.platform.internal.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform operator's door, {@code /platform/**}: a bearer secret from the configuration, compared in constant
 * time, no session and no CSRF (no cookie is involved). Without a configured secret the whole path answers 404, as
 * if it did not exist.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    static final String ROLE = "PLATFORM_OPERATOR";

    @Bean
    @Order(0)
    SecurityFilterChain platform(HttpSecurity http, PlatformProperties settings, JsonMapper json) throws Exception {
        http.securityMatcher("/platform/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorTokenFilter(settings, json), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problem(json, request,
                        response, HttpStatus.UNAUTHORIZED, "The platform operator token is required.")))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE));
        return http.build();
    }

    static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static final class OperatorTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;
        private final JsonMapper json;

        OperatorTokenFilter(PlatformProperties settings, JsonMapper json) {
            this.expected = settings.enabled() ? settings.operatorToken().getBytes(StandardCharsets.UTF_8) : null;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (expected == null) {
                problem(json, request, response, HttpStatus.NOT_FOUND, "Not found.");
                return;
            }
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && MessageDigest.isEqual(expected,
                    header.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                        .authenticated("platform-operator", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
            }
            chain.doFilter(request, response);
        }
    }
}
