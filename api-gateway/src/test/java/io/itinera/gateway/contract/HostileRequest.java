package io.itinera.gateway.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * One generated request: what the fuzzer sends and why. {@code raw} requests go over a plain socket as written (bytes
 * no HTTP client would send); the others through {@code java.net.http}. {@code operation} is the operation it was made
 * from, {@code addressed} the documented operation it reaches after its mutations (another method may make it another
 * operation; a changed path or an undocumented method, none), whose documented statuses the answer must be among.
 */
public record HostileRequest(
        long seed,
        ApiOperation operation,
        Optional<ApiOperation> addressed,
        String method,
        String target,
        List<Header> headers,
        byte[] body,
        boolean chunked,
        byte[] raw,
        List<String> mutations) {

    /** A request header, possibly repeated. */
    public record Header(String name, String value) {}

    public boolean isRaw() {
        return raw.length > 0;
    }

    /** Whether the method is another than the operation's (HEAD counts as the GET it mirrors). */
    public boolean wrongMethod() {
        return !method.equals(operation.method())
                && !(method.equals("HEAD") && operation.method().equals("GET"));
    }

    @Override
    public String toString() {
        String shown = isRaw() ? new String(raw, StandardCharsets.ISO_8859_1) : method + " " + target;
        String bodyShown = new String(body, StandardCharsets.UTF_8);
        return "seed " + seed + " " + mutations + ": " + abbreviate(shown) + " headers "
                + headers.stream()
                        .map(h -> h.name() + ": " + abbreviate(h.value()))
                        .toList() + " body " + abbreviate(bodyShown);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }
}
