package io.itinera.gateway.contract;

import io.itinera.events.serde.EventJson;
import io.itinera.gateway.contract.HostileRequest.Header;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Makes hostile and careless requests from the OpenAPI document, each from its own seed so that any one can be replayed
 * alone: every operation, with bodies built from its schema and then broken (malformed, deep, duplicate keys, wrong
 * types, out-of-range, huge, unicode, control and bidi characters), hostile ids, queries and headers, encoded and
 * {@code ;} paths, wrong methods and content types, missing, invalid and other clients' credentials, and raw bytes no
 * HTTP client would send.
 */
public final class HostileRequests {

    /** Credentials the fuzzer uses: the owner's, and a valid one of another client. */
    public record Credentials(String owner, String otherClient, String collidingToken, String expiredToken) {}

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "FOO"
    };

    private static final String[] WRONG_TYPES = {
        "1",
        "-1",
        "0",
        "1.5",
        "-0.0",
        "true",
        "false",
        "null",
        "\"\"",
        "\"x\"",
        "[]",
        "{}",
        "[1]",
        "[\"culture\"]",
        "{\"a\":1}",
        "1e400",
        "-1e400",
        "123456789012345678901234567890",
        "12345678901234567890123456789012345678",
        "2147483648",
        "9223372036854775808",
        "\"2\"",
        "\"1\"",
        "\"RELAXED\"",
        "[null]",
        "\"2027-05-10\""
    };

    private static final String[] HOSTILE_TEXT = {
        "Lis\u0000bon",
        "Lis\u001bbon",
        "Lisbon\n",
        "Lisbon\r\nX-Injected: 1",
        "\u202Enobsil",
        "Lis\u2066bon\u2069",
        "\u200B",
        " ",
        "",
        "Lisbon\uD83C\uDF0D",
        "Lisboa\u0301",
        "\uFEFFLisbon",
        "리스본",
        "لشبونة",
        "\uFFFF",
        "\uFFFD",
        "%00",
        "../../etc/passwd",
        "${jndi:ldap://x/a}",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "\\",
        "\"",
        "{}",
        "null",
        "Lisbon\u0085",
        "a\u2028b",
        "🏳️‍🌈",
        "\u0300\u0300\u0300"
    };

    private static final String[] IDS = {
        "",
        "x",
        "null",
        "-1",
        "0",
        "%20",
        "%00",
        "%2F",
        "%2e%2e",
        "%2E",
        "%25",
        "%5C",
        "..",
        ".",
        "a;b=c",
        ";",
        "%3B",
        "00000000-0000-0000-0000-000000000000",
        "%E2%80%AE",
        "%F0%9F%8C%8D",
        "%C0%AF",
        "%FF",
        "*",
        "~",
        "lisbon",
        "%7B%7D",
        "a%0Ab",
        "%09"
    };

    private static final String[] CONTENT_TYPES = {
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=ISO-8859-1",
        "application/json; charset=UTF-16",
        "application/json;;",
        "garbage",
        "application/",
        "*/*",
        "application/problem+json",
        "application/json-patch+json",
        "text/json",
        "application/json; charset=nope"
    };

    private static final String[] ACCEPTS = {
        "application/xml",
        "text/html",
        "text/event-stream",
        "application/json",
        "*/*",
        "image/png",
        "application/json;q=0",
        "x/y;q=abc",
        "",
        "application/problem+json",
        "text/*"
    };

    private final List<ApiOperation> operations;
    private final Credentials credentials;
    private final Function<ApiOperation, String> ownedId;
    private final LocalDate start = LocalDate.now().plusMonths(2);

    /**
     * @param ownedId the id of a resource the owner has, for an operation with an {@code {id}}
     */
    public HostileRequests(
            List<ApiOperation> operations, Credentials credentials, Function<ApiOperation, String> ownedId) {
        this.operations = operations;
        this.credentials = credentials;
        this.ownedId = ownedId;
    }

    public HostileRequest generate(long seed) {
        Random random = new Random(seed);
        ApiOperation operation = operations.get(random.nextInt(operations.size()));
        Draft draft = valid(operation, seed, random);
        int mutations = random.nextInt(10) < 7 ? 1 : 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            mutate(draft, random);
        }
        if (draft.rawKind >= 0) {
            // Last, so that it has the method and target the other mutations chose.
            draft.rawBytes = rawRequest(draft, draft.rawKind);
        }
        return draft.build(addressed(draft));
    }

    /** The documented operation the request reaches: none when its path was changed or its method is not one. */
    private Optional<ApiOperation> addressed(Draft draft) {
        if (draft.pathChanged) {
            return Optional.empty();
        }
        return operations.stream()
                .filter(operation -> operation.path().equals(draft.operation.path())
                        && operation.method().equals(draft.method))
                .findFirst();
    }

    /**
     * A valid request for the operation, on the owner's resource, with this {@code Authorization} header (none when
     * null).
     */
    public HostileRequest valid(ApiOperation operation, String authorization, long seed) {
        Draft draft = valid(operation, seed, new Random(seed));
        // Only what is required: an optional parameter's or field's made-up value (a cursor, a destination id that
        // contradicts the destination) may be refused.
        draft.query.removeIf(parameter -> operation.parameters().stream()
                .noneMatch(declared -> declared.name().equals(parameter[0]) && declared.required()));
        if (draft.fields != null) {
            List<String> required = new ArrayList<>();
            operation.resolve(operation.bodySchema()).path("required").forEach(name -> required.add(name.asString()));
            draft.fields.removeIf(field -> !required.contains(field.getKey()));
        }
        draft.authorization(authorization, "as " + (authorization == null ? "nobody" : authorization));
        return draft.build(Optional.of(operation));
    }

    private Draft valid(ApiOperation operation, long seed, Random random) {
        Draft draft = new Draft(seed, operation);
        draft.authorization(credentials.owner(), null);
        draft.path = operation.hasId() ? operation.at(ownedId.apply(operation)) : operation.path();
        draft.query = validQuery(operation, random);
        if (operation.takesBody()) {
            draft.fields = validBody(operation, operation.resolve(operation.bodySchema()), random);
            draft.headers.add(new Header("Content-Type", "application/json"));
        }
        return draft;
    }

    private void mutate(Draft draft, Random random) {
        int kind = random.nextInt(100);
        if (kind < 8) {
            draft.mutations.add("valid");
        } else if (kind < 40 && draft.fields != null) {
            mutateBody(draft, random);
        } else if (kind < 52 && draft.operation.hasId()) {
            mutateId(draft, random);
        } else if (kind < 60) {
            mutateQuery(draft, random);
        } else if (kind < 70) {
            mutateCredential(draft, random);
        } else if (kind < 78) {
            mutateHeaders(draft, random);
        } else if (kind < 84) {
            draft.method = pick(random, METHODS);
            draft.mutations.add("method " + draft.method);
            ownedBy(draft, draft.method);
        } else if (kind < 90) {
            mutatePath(draft, random);
        } else if (kind < 95) {
            draft.contentType(pick(random, CONTENT_TYPES));
            if (draft.fields == null && random.nextBoolean()) {
                draft.rawBody = "{\"destination\":\"Lisbon\"}";
            }
        } else {
            draft.rawKind = random.nextInt(11);
            draft.mutations.add("raw " + draft.rawKind);
        }
    }

    /**
     * Points a request still on the owner's resource at the one that the operation its method now reaches uses: a
     * {@code DELETE} made of a {@code GET} then erases the trip kept for {@code DELETE}s, not the one the others read.
     */
    private void ownedBy(Draft draft, String method) {
        if (!draft.operation.hasId() || !draft.path.equals(draft.operation.at(ownedId.apply(draft.operation)))) {
            return;
        }
        operations.stream()
                .filter(other -> other.path().equals(draft.operation.path())
                        && other.method().equals(method))
                .findFirst()
                .ifPresent(other -> draft.path = other.at(ownedId.apply(other)));
    }

    // ---- bodies

    private Map.Entry<String, String> entry(String name, String json) {
        return Map.entry(name, json);
    }

    private List<Map.Entry<String, String>> validBody(ApiOperation operation, JsonNode schema, Random random) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asString()));
        schema.path("properties").properties().forEach(property -> {
            if (required.contains(property.getKey()) || random.nextInt(4) == 0) {
                fields.add(entry(property.getKey(), valid(operation, property.getKey(), property.getValue(), random)));
            }
        });
        return fields;
    }

    private String valid(ApiOperation operation, String name, JsonNode declared, Random random) {
        JsonNode schema = operation.resolve(declared);
        if (schema.has("enum")) {
            return schema.get("enum")
                    .get(random.nextInt(schema.get("enum").size()))
                    .toString();
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "integer" -> {
                int min = schema.path("minimum").asInt(1);
                int max = Math.min(schema.path("maximum").asInt(min + 5), min + 5);
                return Integer.toString(min + random.nextInt(max - min + 1));
            }
            case "number" -> {
                double min = schema.path("minimum").asDouble(-10);
                double max = schema.path("maximum").asDouble(10);
                return Double.toString(min + (max - min) * random.nextDouble());
            }
            case "boolean" -> {
                return Boolean.toString(random.nextBoolean());
            }
            case "array" -> {
                List<String> items = new ArrayList<>();
                int count = 1 + random.nextInt(2);
                for (int i = 0; i < count; i++) {
                    String item = valid(operation, name, schema.path("items"), random);
                    if (!items.contains(item)) {
                        items.add(item);
                    }
                }
                return "[" + String.join(",", items) + "]";
            }
            case "string" -> {
                if ("date".equals(schema.path("format").asString(""))) {
                    return quote(name.startsWith("end") ? start.plusDays(1).toString() : start.toString());
                }
                if (schema.has("pattern")) {
                    return quote("EUR");
                }
                return quote(name.endsWith("Id") || name.equals("mustSee") ? "lisbon" : "Lisbon");
            }
            default -> {
                List<Map.Entry<String, String>> fields = validBody(operation, schema, random);
                return object(fields);
            }
        }
    }

    private void mutateBody(Draft draft, Random random) {
        List<Map.Entry<String, String>> fields = draft.fields;
        JsonNode schema = draft.operation.resolve(draft.operation.bodySchema());
        List<String> names = new ArrayList<>();
        schema.path("properties").propertyNames().forEach(names::add);
        String field = names.get(random.nextInt(names.size()));
        switch (random.nextInt(14)) {
            case 0 -> {
                if (!fields.isEmpty()) {
                    Map.Entry<String, String> dropped = fields.remove(random.nextInt(fields.size()));
                    draft.mutations.add("without " + dropped.getKey());
                }
            }
            case 1, 2 -> draft.set(field, pick(random, WRONG_TYPES), "wrong type");
            case 3, 4 -> draft.set(field, quote(hostileText(random)), "hostile text");
            case 5 ->
                draft.set(
                        field,
                        "[" + quote(hostileText(random)) + "," + quote(hostileText(random)) + "]",
                        "hostile items");
            case 6 -> {
                String duplicate = fields.isEmpty()
                        ? field
                        : fields.get(random.nextInt(fields.size())).getKey();
                fields.add(entry(duplicate, random.nextBoolean() ? "\"PACKED\"" : "2"));
                draft.mutations.add("duplicate " + duplicate);
            }
            case 7 -> {
                int depth = pick(random, new int[] {7, 8, 9, 20, 500, 5_000});
                draft.set(field, deep(depth, random.nextBoolean()), "nested " + depth);
            }
            case 8 -> draft.rawBody = malformed(object(fields), random);
            case 9 -> {
                draft.rawBody = pick(random, new String[] {
                    "",
                    "null",
                    "[]",
                    "\"Lisbon\"",
                    "42",
                    "[" + object(fields) + "]",
                    "{}",
                    " ",
                    "\uFEFF" + object(fields)
                });
                draft.mutations.add("top-level " + abbreviated(draft.rawBody));
            }
            case 10 -> {
                int count = pick(random, new int[] {11, 21, 1_000, 20_000});
                draft.set(
                        field,
                        "[" + String.join(",", java.util.Collections.nCopies(count, "\"culture\"")) + "]",
                        count + " items");
            }
            case 11 ->
                draft.set(
                        field,
                        quote(pick(random, new String[] {
                            "2027-02-30",
                            "+999999999-01-01",
                            "2027-5-1",
                            "2020-01-01",
                            "2027-05-10T00:00:00Z",
                            "-0001-01-01",
                            "9999-12-31",
                            "today"
                        })),
                        "odd date");
            case 12 ->
                fields.add(entry(
                        pick(random, new String[] {"petFriendly", "__proto__", "constructor", "", "a".repeat(200)}),
                        "1"));
            default -> {
                int length = pick(random, new int[] {121, 4_097, 20_000, 70_000});
                draft.set(field, quote("x".repeat(length)), length + " characters");
            }
        }
    }

    private static String deep(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static String malformed(String json, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json + "}";
            case 2 -> json.replace('"', '\'');
            case 3 -> json.replaceFirst(":", ":NaN,\"x\":");
            case 4 -> "/* comment */" + json;
            case 5 -> json.replaceFirst("\"", "\"\u0001");
            case 6 -> json.replaceFirst(",", ",,");
            default -> "{\"destination\":\"\\uZZZZ\"}";
        };
    }

    private static String hostileText(Random random) {
        return random.nextInt(5) == 0
                ? pick(random, HOSTILE_TEXT).repeat(1 + random.nextInt(200))
                : pick(random, HOSTILE_TEXT);
    }

    // ---- paths, queries, headers

    private void mutateId(Draft draft, Random random) {
        String id = switch (random.nextInt(4)) {
            case 0 -> "x".repeat(pick(random, new int[] {65, 256, 1_000, 5_000}));
            case 1 -> java.util.UUID.randomUUID().toString();
            default -> pick(random, IDS);
        };
        draft.path = draft.operation.at(id);
        draft.mutations.add("id " + abbreviated(id));
    }

    private void mutatePath(Draft draft, Random random) {
        String path = draft.path;
        String mutated = switch (random.nextInt(9)) {
            case 0 -> path.replaceFirst("/api", "/api;a=b");
            case 1 -> path.replaceFirst("/v1", "/%76%31");
            case 2 -> path.replace("/api/v1/", "/api/v1//");
            case 3 -> path + "/";
            case 4 -> path.replaceFirst("/v1/", "/v1/./");
            case 5 -> path.replaceFirst("/v1/", "/v1/x/../");
            case 6 -> path.toUpperCase(java.util.Locale.ROOT);
            case 7 -> path.replaceFirst("/api/", "/api%2F");
            default -> path + "/extra";
        };
        draft.path = mutated;
        draft.pathChanged = true;
        draft.mutations.add("path " + abbreviated(mutated));
    }

    private List<String[]> validQuery(ApiOperation operation, Random random) {
        List<String[]> query = new ArrayList<>();
        for (ApiOperation.Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("query") && (parameter.required() || random.nextBoolean())) {
                String value = valid(operation, parameter.name(), parameter.schema(), random);
                query.add(new String[] {
                    parameter.name(), value.startsWith("\"") ? value.substring(1, value.length() - 1) : value
                });
            }
        }
        return query;
    }

    private void mutateQuery(Draft draft, Random random) {
        List<ApiOperation.Parameter> declared = draft.operation.parameters().stream()
                .filter(parameter -> !parameter.in().equals("path"))
                .toList();
        String name = declared.isEmpty() || random.nextInt(4) == 0
                ? pick(random, new String[] {"limit", "cursor", "q", "status", "unknown", "", "a[b]"})
                : declared.get(random.nextInt(declared.size())).name();
        String value = pick(random, new String[] {
            "-1",
            "0",
            "101",
            "abc",
            "1e9",
            "99999999999999999999",
            "",
            "%00",
            "%E2%80%AE",
            "%FF%FE",
            "READY",
            "ready",
            "Lisbon%0A",
            "bm90LWEtY3Vyc29y",
            "x".repeat(3_000),
            "%25",
            "a;b",
            "1,2",
            "null",
            "2147483648"
        });
        boolean header = declared.stream().anyMatch(p -> p.name().equals(name) && p.in().equals("header"));
        if (header) {
            draft.headers.add(new Header(name, headerSafe(value)));
        } else {
            draft.query.add(new String[] {name, value});
            if (random.nextInt(4) == 0) {
                draft.query.add(new String[] {name, value});
            }
        }
        draft.mutations.add("parameter " + name + "=" + abbreviated(value));
    }

    private void mutateCredential(Draft draft, Random random) {
        switch (random.nextInt(13)) {
            case 0 -> draft.authorization(null, "no credential");
            case 1 -> draft.authorization("Bearer not-a-key", "unknown key");
            case 2 -> draft.authorization("Bearer " + credentials.otherClient(), "other client's key");
            case 3 ->
                draft.authorization("Bearer " + credentials.collidingToken(), "token colliding with a key client");
            case 4 -> draft.authorization("Bearer " + credentials.expiredToken(), "expired token");
            case 5 -> draft.authorization("Basic dXNlcjpwYXNz", "basic");
            case 6 -> draft.authorization("Bearer ", "empty bearer");
            case 7 -> draft.authorization(credentials.owner().replace("Bearer", "bearer"), "lowercase scheme");
            case 8 -> draft.authorization("Bearer a.b.c", "garbage token");
            case 9 -> draft.authorization("Bearer eyJhbGciOiJub25lIn0.eyJjbGllbnRfaWQiOiJjbGllbnQtYSJ9.", "alg none");
            case 10 -> {
                draft.headers.add(new Header("Authorization", "Bearer not-a-key"));
                draft.mutations.add("two Authorization headers");
            }
            case 11 ->
                draft.authorization("Bearer " + "k".repeat(pick(random, new int[] {300, 7_000, 9_000})), "huge key");
            default -> draft.authorization(credentials.owner() + "  ", "trailing spaces");
        }
    }

    private void mutateHeaders(Draft draft, Random random) {
        String name = pick(random, new String[] {
            "Accept",
            "Accept",
            "Idempotency-Key",
            "X-Request-Id",
            "Last-Event-ID",
            "Origin",
            "Accept-Charset",
            "Content-Encoding",
            "X-Forwarded-Prefix",
            "Range"
        });
        String value = switch (name) {
            case "Accept" -> pick(random, ACCEPTS);
            case "Origin" ->
                pick(random, new String[] {"https://app.example.test", "https://evil.example.test", "null"});
            case "Content-Encoding" -> pick(random, new String[] {"gzip", "br", "identity", "zz"});
            case "Range" -> "bytes=0-1";
            default ->
                headerSafe(pick(random, new String[] {
                    "",
                    " ",
                    "x".repeat(300),
                    "\u00e9t\u00e9",
                    "a b",
                    "-1",
                    "99999999999999999999",
                    "1e3",
                    "abc",
                    "../x",
                    "key\tvalue",
                    "order-42"
                }));
        };
        draft.headers.add(new Header(name, value));
        draft.mutations.add("header " + name + ": " + abbreviated(value));
    }

    /** Bytes only a hand-written client sends: broken framing, control characters, smuggling attempts. */
    private byte[] rawRequest(Draft draft, int kind) {
        String target = draft.target();
        String auth = "Authorization: " + credentials.owner() + "\r\n";
        String body = draft.fields == null ? "" : object(draft.fields);
        String head = switch (kind) {
            case 0 -> pathChanged(draft) + " " + target.replaceFirst("/v1", "/%ZZ") + " HTTP/1.1\r\nHost: x\r\n" + auth;
            case 1 ->
                pathChanged(draft) + " " + target.replaceFirst("/v1", "/v1\u00ff\u00e9") + " HTTP/1.1\r\nHost: x\r\n"
                        + auth;
            case 2 -> draft.method + " " + target + " HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n" + auth;
            case 3 -> draft.method + " " + target + " HTTP/1.1\nHost: x\n" + auth.replace("\r\n", "\n");
            case 4 -> draft.method + " " + target + " HTTP/1.0\r\n" + auth;
            case 5 -> draft.method + " http://evil.example.test" + target + " HTTP/1.1\r\nHost: x\r\n" + auth;
            case 6 ->
                post(draft) + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\n{}\r\n0\r\n\r\n";
            case 7 ->
                post(draft) + target + " HTTP/1.1\r\nHost: x\r\n" + auth + "Connection: close\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nnot-hex\r\n" + body
                        + "\r\n";
            case 8 -> draft.method + " " + target + " HTTP/1.1\r\nHost: x\r\n" + auth + " folded: header\r\n";
            case 9 -> draft.method + " " + target + " HTTP/9.9\r\nHost: x\r\n" + auth;
            default -> draft.method + " " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n" + auth;
        };
        if (head.contains("\r\n\r\n")) {
            return head.getBytes(StandardCharsets.ISO_8859_1);
        }
        String terminator = head.contains("\r\n") ? "\r\n" : "\n";
        return (head + "Connection: close" + terminator + terminator).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String post(Draft draft) {
        draft.method = "POST";
        return "POST ";
    }

    private static String pathChanged(Draft draft) {
        draft.pathChanged = true;
        return draft.method;
    }

    // ---- helpers

    private static String headerSafe(String value) {
        // java.net.http refuses CR, LF and characters above U+00FF in header values.
        StringBuilder safe = new StringBuilder();
        value.chars().filter(c -> c != '\r' && c != '\n' && c <= 0xFF).forEach(c -> safe.append((char) c));
        return safe.toString();
    }

    static String quote(String text) {
        return EventJson.mapper().writeValueAsString(text);
    }

    static String object(List<Map.Entry<String, String>> fields) {
        StringBuilder json = new StringBuilder("{");
        for (Map.Entry<String, String> field : fields) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(field.getKey())).append(':').append(field.getValue());
        }
        return json.append('}').toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static int pick(Random random, int[] values) {
        return values[random.nextInt(values.length)];
    }

    /** A request being made. */
    private static final class Draft {

        final long seed;
        final ApiOperation operation;
        final List<Header> headers = new ArrayList<>();
        final List<String> mutations = new ArrayList<>();
        String method;
        String path = "";
        boolean pathChanged;
        List<String[]> query = new ArrayList<>();
        List<Map.Entry<String, String>> fields;
        String rawBody;
        byte[] rawBytes = new byte[0];
        int rawKind = -1;

        Draft(long seed, ApiOperation operation) {
            this.seed = seed;
            this.operation = operation;
            this.method = operation.method();
        }

        void authorization(String value, String mutation) {
            headers.removeIf(header -> header.name().equals("Authorization"));
            if (value != null) {
                headers.add(new Header("Authorization", headerSafe(value)));
            }
            if (mutation != null) {
                mutations.add(mutation);
            }
        }

        void contentType(String value) {
            headers.removeIf(header -> header.name().equals("Content-Type"));
            headers.add(new Header("Content-Type", value));
            mutations.add("content type " + value);
        }

        void set(String field, String json, String mutation) {
            if (fields == null) {
                return;
            }
            fields.removeIf(entry -> entry.getKey().equals(field));
            fields.add(Map.entry(field, json));
            mutations.add(mutation + " in " + field + ": " + abbreviated(json));
        }

        String target() {
            StringBuilder target = new StringBuilder(path);
            for (String[] parameter : query) {
                target.append(target.indexOf("?") < 0 ? '?' : '&')
                        .append(parameter[0])
                        .append('=')
                        .append(
                                parameter[1].matches("[A-Za-z0-9%._~-]*")
                                        ? parameter[1]
                                        : URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
            }
            return target.toString();
        }

        HostileRequest build(Optional<ApiOperation> addressed) {
            String body = rawBody != null ? rawBody : fields != null ? object(fields) : "";
            return new HostileRequest(
                    seed,
                    operation,
                    addressed,
                    method,
                    target(),
                    List.copyOf(headers),
                    body.getBytes(StandardCharsets.UTF_8),
                    seed % 7 == 0,
                    rawBytes,
                    List.copyOf(mutations));
        }
    }
}
