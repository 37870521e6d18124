package io.itinera.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A successful authentication: the client it names is the principal; the credential is not kept. */
final class ClientAuthentication extends AbstractAuthenticationToken {

    private final ApiClient client;

    ClientAuthentication(ApiClient client) {
        super(List.of());
        this.client = client;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public ApiClient getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return client.id();
    }
}
