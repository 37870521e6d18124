package io.itinera.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server standing in for api-enrichment's destination search, whose answers a test sets: the gateway's
 * route, retries and circuit breaker are exercised over real sockets.
 */
public final class EnrichmentStub {

    /** One canned answer. */
    public record Answer(int status, String body) {}

    /** What the stub saw of one request. */
    public record Seen(String pathAndQuery, String authorization) {}

    private static final AtomicReference<Answer> ANSWER = new AtomicReference<>(new Answer(200, "{\"data\":[]}"));
    private static final Map<String, Answer> BY_PATH = new ConcurrentHashMap<>();
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private static HttpServer server;

    private EnrichmentStub() {}

    public static synchronized String baseUrl() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                SEEN.add(new Seen(
                        exchange.getRequestURI().toString(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
                Answer answer = BY_PATH.getOrDefault(exchange.getRequestURI().getPath(), ANSWER.get());
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers every path with this from now on. */
    public static void answer(int status, String body) {
        ANSWER.set(new Answer(status, body));
        BY_PATH.clear();
        SEEN.clear();
    }

    /** Answers one path (without its query) differently, until the next {@link #answer(int, String)}. */
    public static void answer(String path, int status, String body) {
        BY_PATH.put(path, new Answer(status, body));
    }

    public static List<Seen> seen() {
        return List.copyOf(SEEN);
    }
}
