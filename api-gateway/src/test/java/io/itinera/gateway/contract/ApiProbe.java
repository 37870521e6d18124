package io.itinera.gateway.contract;

import io.itinera.events.serde.EventJson;
import io.itinera.gateway.contract.HostileRequest.Header;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Sends a {@link HostileRequest} to a running gateway (each with a timeout) and judges the answer by the contract:
 * a status the operation documents (or, for a method the path does not have, one of {@link #WRONG_METHOD}), never a
 * 5xx, every error as problem+json whose {@code status} is the answer's, and nothing of the implementation (exception
 * or class names, stack frames) in any body.
 */
public final class ApiProbe {

    /**
     * What a request that reaches no documented operation (a method its path does not have, or another path) may answer
     * (docs/api.md, "Errors"): refused by the firewall, no credential, an origin not allowed, no such route, a method
     * not allowed, an unacceptable {@code Accept}, a request line or headers too long, over budget; and {@code 200} to
     * {@code HEAD} and {@code OPTIONS}.
     */
    public static final Set<Integer> NO_OPERATION = Set.of(400, 401, 403, 404, 405, 406, 414, 429, 431);

    // Generous: on a loaded 2-core machine a JVM can stall for seconds; a hung answer still fails.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_BODY = 1 << 20;
    private static final Pattern IMPLEMENTATION = Pattern.compile(
            "Exception|Throwable|\\bat [a-z]+\\.[a-z]|\\.java:\\d|(java|javax|jakarta|reactor|tools\\.jackson|"
                    + "com\\.fasterxml|org\\.springframework|io\\.netty|io\\.itinera)\\.[a-z]",
            Pattern.CASE_INSENSITIVE);

    /** The answer, headers keyed in lower case. */
    public record Answer(int status, Map<String, List<String>> headers, String body, boolean stream) {

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }
    }

    private final int port;
    private final HttpClient http;

    public ApiProbe(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public Answer send(HostileRequest request) {
        try {
            return request.isRaw() ? sendRaw(request.raw()) : sendHttp(request);
        } catch (IOException e) {
            throw new UncheckedIOException(request + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with the answer to the request; empty when it keeps the contract. */
    public static List<String> violations(HostileRequest request, Answer answer) {
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        Set<Integer> allowed = request.addressed().map(ApiOperation::statuses).orElse(NO_OPERATION);
        boolean head = request.method().equals("HEAD");
        if (request.addressed().isEmpty() && (head || request.method().equals("OPTIONS"))) {
            allowed = new java.util.TreeSet<>(allowed);
            allowed.add(200);
        }
        if (status >= 500) {
            wrong.add("a 5xx");
        }
        if (!allowed.contains(status)) {
            wrong.add("status " + status + " is not documented for "
                    + request.addressed().map(Object::toString).orElse("a request reaching no operation") + " "
                    + allowed);
        }
        if (status >= 400 && !head) {
            if (!answer.header("content-type").startsWith("application/problem+json")) {
                wrong.add("an error without problem+json: " + answer.header("content-type"));
            } else {
                problemShape(answer, wrong);
            }
        }
        if (status == 401 && answer.header("www-authenticate").isEmpty()) {
            wrong.add("401 without WWW-Authenticate");
        }
        if (status == 202 && answer.header("location").isEmpty()) {
            wrong.add("202 without Location");
        }
        if (IMPLEMENTATION.matcher(answer.body()).find()) {
            wrong.add("implementation details in the body");
        }
        return wrong.stream()
                .map(what -> what + " <- " + request + " -> " + answer.status() + " " + abbreviate(answer.body()))
                .toList();
    }

    private static void problemShape(Answer answer, List<String> wrong) {
        try {
            JsonNode problem = EventJson.mapper().readTree(answer.body());
            if (!problem.path("type").isString()
                    || !problem.path("title").isString()
                    || problem.path("status").asInt() != answer.status()) {
                wrong.add("a problem without type, title or the answer's status");
            }
        } catch (RuntimeException unreadable) {
            wrong.add("a problem body that is not JSON");
        }
    }

    private Answer sendHttp(HostileRequest request) throws IOException, InterruptedException {
        byte[] body = request.body();
        HttpRequest.BodyPublisher publisher =
                body.length == 0 && !request.operation().takesBody()
                        ? HttpRequest.BodyPublishers.noBody()
                        : request.chunked()
                                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.target()))
                .timeout(TIMEOUT)
                .method(request.method(), publisher);
        for (Header header : request.headers()) {
            builder.header(header.name(), header.value());
        }
        HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        try (InputStream in = response.body()) {
            boolean stream =
                    headers.getOrDefault("content-type", List.of("")).get(0).startsWith("text/event-stream");
            // A live stream stays open until its trip ends: its headers are the answer.
            String text = stream ? "" : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            return new Answer(response.statusCode(), headers, text, stream);
        }
    }

    private Answer sendRaw(byte[] raw) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(raw);
            socket.getOutputStream().flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0 && received.size() < MAX_BODY; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                    if (isStream(received.toString(StandardCharsets.ISO_8859_1))) {
                        break; // a live stream stays open, its heartbeats within any read timeout: its head is the
                        // answer
                    }
                }
            } catch (IOException reset) {
                // A connection the server closed hard after answering: what arrived is the answer.
            }
            return parse(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean isStream(String received) {
        int end = received.indexOf("\r\n\r\n");
        return end >= 0
                && received.substring(0, end).toLowerCase(Locale.ROOT).contains("content-type: text/event-stream");
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (!response.matches("(?s)HTTP/\\d\\.\\d \\d{3}.*") || end < 0) {
            return new Answer(0, Map.of(), "no HTTP answer: " + abbreviate(response), false);
        }
        String[] lines = response.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        String body = response.substring(end + 4);
        List<String> length = headers.getOrDefault("content-length", List.of());
        if (!length.isEmpty()) {
            // Only the first answer: a connection may carry another one after it.
            body = body.substring(0, Math.min(body.length(), Integer.parseInt(length.get(0))));
        }
        if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        boolean stream =
                headers.getOrDefault("content-type", List.of("")).get(0).startsWith("text/event-stream");
        return new Answer(status, headers, new String(bytes, StandardCharsets.UTF_8), stream);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(
                    chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
