package io.itinera.gateway.trip;

import io.itinera.gateway.problem.Problem;
import io.itinera.gateway.state.Idempotency;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses new work cheaply while the suite is overloaded: a {@code POST} to a route that accepts trips or proposals is
 * answered {@code 503 /problems/overloaded} with {@code Retry-After} before its body is read and before Spring Security
 * authenticates it, so that under overload a refusal costs a few counters instead of a whole accept path.
 *
 * <p>Answering before authentication is safe: the refusal says only that the service is busy right now, which an
 * anonymous caller learns from any slow answer too; it reveals no data, accepts nothing and spends no client's rate
 * budget. A trip {@code POST} with an {@code Idempotency-Key} is let through to {@link TripSubmissions}, which looks
 * for the key's trip first: a retry of a request that did create a trip (its first answer lost with a dying replica,
 * say) gets that trip's answer however busy the suite is, and only a key with no trip yet is refused, after
 * authentication. Proposals are refused here with or without a key.
 */
@Component
@Order(AdmissionFilter.ORDER)
class AdmissionFilter implements WebFilter {

    /**
     * After the request id and body-size filters, ahead of Spring Security's filter chain, whose order is {@code -100}
     * ({@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}, not public).
     */
    static final int ORDER = -150;

    private static final String PROPOSALS = "/api/v1/proposals";

    private final TripAdmission admission;

    AdmissionFilter(TripAdmission admission) {
        this.admission = admission;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (accepting(exchange.getRequest()) && !retryableTrip(exchange.getRequest())) {
            Problem refused = admission.refusal();
            if (refused != null) {
                return Mono.error(refused);
            }
        }
        return chain.filter(exchange);
    }

    private static boolean retryableTrip(ServerHttpRequest request) {
        return request.getHeaders().containsHeader(Idempotency.HEADER)
                && request.getPath().pathWithinApplication().value().equals(TripController.PATH);
    }

    /** Only the exact, normalized paths: anything else is left to the firewall and the routes. */
    private static boolean accepting(ServerHttpRequest request) {
        if (request.getMethod() != HttpMethod.POST) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        return path.equals(TripController.PATH) || path.equals(PROPOSALS);
    }
}
