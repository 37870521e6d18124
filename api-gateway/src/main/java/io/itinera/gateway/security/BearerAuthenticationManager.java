package io.itinera.gateway.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * The two ways a client proves who it is: an API key (a constant-time hash comparison against the keys in force), and,
 * when the resource-server mode is on, a signed JWT access token for this API's audience from the configured issuer.
 * Keys are tried first, so a key that happens to contain dots still works.
 */
final class BearerAuthenticationManager implements ReactiveAuthenticationManager {

    static final String INVALID_KEY = "The API key is not valid.";
    static final String INVALID_TOKEN = "The access token is not valid.";

    private final ApiKeyStore keys;
    private final @Nullable ReactiveAuthenticationManager jwt;

    BearerAuthenticationManager(ApiKeyStore keys, @Nullable ReactiveAuthenticationManager jwt) {
        this.keys = keys;
        this.jwt = jwt;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return Mono.empty();
        }
        String credential = bearer.getToken();
        var client = keys.authenticate(credential);
        if (client.isPresent()) {
            return Mono.just(new ClientAuthentication(client.get()));
        }
        if (jwt != null && looksLikeJwt(credential)) {
            return jwt.authenticate(bearer)
                    .onErrorMap(AuthenticationException.class, rejected -> new BadCredentialsException(INVALID_TOKEN))
                    .switchIfEmpty(Mono.error(() -> new BadCredentialsException(INVALID_TOKEN)));
        }
        return Mono.error(new BadCredentialsException(INVALID_KEY));
    }

    /** Whether a bearer credential is shaped like a JWT (three dot-separated parts) rather than an API key. */
    static boolean looksLikeJwt(String credential) {
        int first = credential.indexOf('.');
        int second = first < 0 ? -1 : credential.indexOf('.', first + 1);
        return second > 0 && credential.indexOf('.', second + 1) < 0;
    }
}
