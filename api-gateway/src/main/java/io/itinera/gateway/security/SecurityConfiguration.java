package io.itinera.gateway.security;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.ServerWebExchangeDelegatingServerHttpHeadersWriter;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Who may call what, decided by Spring Security on the normalized path after the firewall: every route under
 * {@code /api/**} (the controllers and the routed destination search alike) needs an API key or a JWT; the OpenAPI
 * document and Swagger UI are public by design; the circuit breaker's fallback is internal. Stateless: no session, no
 * CSRF (no cookies are used), no login pages. Rate limits apply per authenticated client.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    static final String API = "/api/**";

    @Bean
    ApiFirewall apiFirewall() {
        return new ApiFirewall();
    }

    /**
     * No observation of Spring Security's own work: it would wrap every security filter, the authentication and the
     * authorization of every request in an observation (and a span) of its own, a large share of the accept path's
     * cost for nothing a dashboard uses; the request's own server observation (metrics, trace) stays.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A bean, so that Spring Boot does not add its generated default user. */
    @Bean
    ReactiveAuthenticationManager bearerAuthenticationManager(ApiKeyStore keys, JwtProperties jwt) {
        return new BearerAuthenticationManager(keys, jwt.enabled() ? JwtClients.authenticationManager(jwt) : null);
    }

    @Bean
    SecurityWebFilterChain apiSecurity(
            ServerHttpSecurity http,
            ReactiveAuthenticationManager bearerAuthenticationManager,
            RateLimitProperties rateLimits,
            Clock clock,
            ObjectProvider<CorsConfigurationSource> cors) {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint();
        ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers(API);

        AuthenticationWebFilter authentication = new AuthenticationWebFilter(bearerAuthenticationManager);
        authentication.setServerAuthenticationConverter(new BearerCredentials());
        authentication.setRequiresAuthenticationMatcher(api);
        ServerAuthenticationEntryPointFailureHandler failure =
                new ServerAuthenticationEntryPointFailureHandler(problems);
        failure.setRethrowAuthenticationServiceException(false);
        authentication.setAuthenticationFailureHandler(failure);
        authentication.setAuthenticationSuccessHandler((exchange, authenticated) -> {
            exchange.getExchange().getAttributes().put(ApiClient.ATTRIBUTE, authenticated.getPrincipal());
            return exchange.getChain().filter(exchange.getExchange());
        });

        // Spring's CORS filter answers a refused request with an empty 403: this one with a problem.
        cors.ifAvailable(source -> http.addFilterAt(new CorsProblemFilter(source), SecurityWebFiltersOrder.CORS));
        return http.cors(ServerHttpSecurity.CorsSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
                        .xssProtection(ServerHttpSecurity.HeaderSpec.XssProtectionSpec::disable)
                        // HSTS is Traefik's: it terminates TLS.
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .writer(new ServerWebExchangeDelegatingServerHttpHeadersWriter(api, apiAnswerHeaders())))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterAt(authentication, SecurityWebFiltersOrder.AUTHENTICATION)
                .addFilterAfter(new RateLimitFilter(rateLimits, clock), SecurityWebFiltersOrder.AUTHENTICATION)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(API)
                        .authenticated()
                        // Public by design: the contract is no secret (docs/api.md).
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .pathMatchers("/fallback/**")
                        .denyAll()
                        // Anything else is an unknown route: 404 problem.
                        .anyExchange()
                        .permitAll())
                .build();
    }

    /** API answers are data, never pages: nothing may frame, run or cache them. */
    private static StaticServerHttpHeadersWriter apiAnswerHeaders() {
        return StaticServerHttpHeadersWriter.builder()
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
