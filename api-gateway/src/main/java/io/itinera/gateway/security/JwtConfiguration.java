package io.itinera.gateway.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OAuth2 resource-server mode, present only when {@code gateway.auth.jwt.enabled=true}. */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("gateway.auth.jwt.enabled")
    JwtAuthenticator jwtAuthenticator(JwtProperties properties) {
        return JwtAuthenticator.from(properties);
    }
}
