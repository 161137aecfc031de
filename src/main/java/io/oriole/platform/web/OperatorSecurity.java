package io.oriole.platform.web;

import java.io.IOException;
import java.net.URI;
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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import io.oriole.platform.internal.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform operator's two doors. {@code /platform/v1/**}: a bearer secret from the configuration, compared in
 * constant time, no session and no CSRF (no cookie is involved). {@code /platform/console/**}: the same secret typed
 * once into a sign-in form, then a session with CSRF protection; the operator's sign-in is kept under its own
 * session attribute, so it is neither a staff sign-in nor affected by one made in the same browser. Without a
 * configured secret both answer 404, as if they did not exist.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

    static final String ROLE = "PLATFORM_OPERATOR";
    static final String SIGN_IN = "/platform/console/sign-in";

    /** Where an operator's console sign-in lives in the HTTP session, apart from any staff sign-in. */
    static final HttpSessionSecurityContextRepository OPERATOR_SESSIONS = operatorSessions();

    @Bean
    @Order(0)
    SecurityFilterChain operatorApi(HttpSecurity http, PlatformProperties settings, JsonMapper json) throws Exception {
        http.securityMatcher("/platform/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new OperatorTokenFilter(settings, json), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> problem(json, request,
                        response, HttpStatus.UNAUTHORIZED, "The platform operator token is required.")))
                .authorizeHttpRequests(a -> a.anyRequest().hasRole(ROLE));
        return http.build();
    }

    @Bean
    @Order(0)
    SecurityFilterChain operatorConsole(HttpSecurity http, PlatformProperties settings) throws Exception {
        http.securityMatcher("/platform", "/platform/console", "/platform/console/**")
                .addFilterBefore(new AbsentWhenDisabled(settings), SecurityContextHolderFilter.class)
                .securityContext(c -> c.securityContextRepository(OPERATOR_SESSIONS))
                .requestCache(c -> c.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN)))
                .authorizeHttpRequests(a -> a.requestMatchers("/platform", SIGN_IN).permitAll()
                        .anyRequest().hasRole(ROLE));
        return http.build();
    }

    /** The operator's authentication once the secret was presented, on either door. */
    static Authentication operator() {
        return UsernamePasswordAuthenticationToken.authenticated("platform-operator", null,
                List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
    }

    private static HttpSessionSecurityContextRepository operatorSessions() {
        HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();
        repository.setSpringSecurityContextKey("ORIOLE_PLATFORM_OPERATOR");
        repository.setDisableUrlRewriting(true);
        return repository;
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

        private final PlatformProperties settings;
        private final JsonMapper json;

        OperatorTokenFilter(PlatformProperties settings, JsonMapper json) {
            this.settings = settings;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!settings.enabled()) {
                problem(json, request, response, HttpStatus.NOT_FOUND, "Not found.");
                return;
            }
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && settings.matches(header.substring(7).trim())) {
                SecurityContextHolder.getContext().setAuthentication(operator());
            }
            chain.doFilter(request, response);
        }
    }

    /** Without an operator token the console is not there at all: 404 before any session is touched. */
    static final class AbsentWhenDisabled extends OncePerRequestFilter {

        private final PlatformProperties settings;

        AbsentWhenDisabled(PlatformProperties settings) {
            this.settings = settings;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!settings.enabled()) {
                response.sendError(HttpStatus.NOT_FOUND.value());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
