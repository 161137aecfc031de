package io.oriole.web.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator's door, {@code /actuator/**}. Health (and its probes) and info are open, for load balancers and
 * orchestrators. Everything else, the Prometheus scrape above all, takes {@code Authorization: Bearer <token>} with
 * either {@code oriole.management.scrape-token} or the platform operator token, compared in constant time; no
 * session, no cookie. With neither token configured those endpoints answer 404, as if they did not exist.
 */
@Configuration(proxyBeanMethods = false)
class ManagementSecurity {

    static final String ROLE = "METRICS_SCRAPER";

    @Bean
    @Order(1)
    SecurityFilterChain management(HttpSecurity http, ProblemAuthenticationHandlers problems,
            @Value("${oriole.management.scrape-token:}") String scrapeToken,
            @Value("${oriole.platform.operator-token:}") String operatorToken) throws Exception {
        ScrapeTokenFilter tokens = new ScrapeTokenFilter(List.of(scrapeToken, operatorToken), problems);
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(tokens, BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems::commenceForToken)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .anyRequest().hasRole(ROLE));
        return http.build();
    }

    /** Accepts any of the configured tokens; blank ones are off. */
    static final class ScrapeTokenFilter extends OncePerRequestFilter {

        private final List<byte[]> accepted;
        private final ProblemAuthenticationHandlers problems;

        ScrapeTokenFilter(List<String> tokens, ProblemAuthenticationHandlers problems) {
            this.accepted = tokens.stream().filter(t -> t != null && !t.isBlank())
                    .map(t -> t.trim().getBytes(StandardCharsets.UTF_8)).toList();
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean open = path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                    || path.equals("/actuator/info");
            if (!open && accepted.isEmpty()) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "Not found.");
                return;
            }
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
                boolean match = false;
                for (byte[] token : accepted) {
                    match |= MessageDigest.isEqual(token, given);
                }
                if (match) {
                    SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken
                            .authenticated("metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
                }
            }
            chain.doFilter(request, response);
        }
    }
}
