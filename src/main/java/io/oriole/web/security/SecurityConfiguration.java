package io.oriole.web.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import io.oriole.identity.ApiTokenAuthenticationFilter;
import io.oriole.identity.ApiTokenManagement;
import io.oriole.identity.StaffPrincipal;
import io.oriole.identity.TenantLoginDetails;

/**
 * Three doors. The REST API takes bearer API tokens only (no cookies, so no CSRF); the widget is public and
 * identifies customers by signed visitor tokens; everything else is the staff UI with form login, a session and
 * CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenManagement tokens, ProblemAuthenticationHandlers problems)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
                .addFilterAfter(new TenantLoggingFilter(), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain widget(HttpSecurity http) throws Exception {
        http.securityMatcher("/widget/**", "/widget.js", "/ws/widget", "/embed-demo.html")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.frameOptions(f -> f.disable())
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.WIDGET_ANY_SITE)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /**
     * Knows each staff member's sessions on this node, so that disabling an account or suspending a tenant ends
     * them; shared sessions are ended through {@link StaffSessionIndex} instead.
     */
    @Bean
    SessionRegistry staffSessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the registry when the servlet container destroys a session. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staff(HttpSecurity http, AuthenticationProvider staffLogin, SessionRegistry sessions,
            ObjectProvider<StaffSessionIndex> index) throws Exception {
        // Its own manager, without the global one as parent: the provider bean is also registered globally, and a
        // failure here fell through to that parent, so every wrong password was checked and counted twice.
        http.authenticationManager(new ProviderManager(staffLogin))
                .headers(h -> h.frameOptions(f -> f.sameOrigin())
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.STAFF)))
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(signedIn(index))
                        .failureHandler(new LoginFailureHandler())
                        .authenticationDetailsSource(TenantLoginDetails::from)
                        .usernameParameter("email"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new TenantLoggingFilter(), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        (req, res, ex) -> res.sendError(HttpStatus.UNAUTHORIZED.value()),
                        req -> "true".equals(req.getHeader("HX-Request"))));
        return http.build();
    }

    /** After sign-in: the workspace, and with shared sessions the session's id in its owner's set. */
    private static AuthenticationSuccessHandler signedIn(ObjectProvider<StaffSessionIndex> index) {
        SimpleUrlAuthenticationSuccessHandler toWorkspace = new SimpleUrlAuthenticationSuccessHandler("/workspace");
        toWorkspace.setAlwaysUseDefaultTargetUrl(true);
        return (request, response, authentication) -> {
            StaffSessionIndex shared = index.getIfAvailable();
            if (shared != null && authentication.getPrincipal() instanceof StaffPrincipal me) {
                shared.signedIn(me.getName(), request.getSession().getId());
            }
            toWorkspace.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
