package io.itinera.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Command-line options as {@code --name value} or {@code --name=value}; unknown or unused names are an error. */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> used = new HashSet<>();

    public Args(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got '" + argument + "'");
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                values.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                values.put(name, arguments.get(++i));
            } else {
                values.put(name, "true");
            }
        }
    }

    public String string(String name, String fallback) {
        String value = raw(name);
        return value == null ? fallback : value;
    }

    public int integer(String name, int fallback) {
        String value = raw(name);
        return value == null ? fallback : Integer.parseInt(value);
    }

    public long number(String name, long fallback) {
        String value = raw(name);
        return value == null ? fallback : Long.parseLong(value);
    }

    public double decimal(String name, double fallback) {
        String value = raw(name);
        return value == null ? fallback : Double.parseDouble(value);
    }

    public boolean flag(String name) {
        String value = raw(name);
        return value != null && !value.equals("false");
    }

    /** A duration as {@code 20s}, {@code 500ms}, {@code 2m} or plain seconds. */
    public Duration duration(String name, Duration fallback) {
        String value = raw(name);
        return value == null ? fallback : parseDuration(value);
    }

    public List<Double> decimals(String name, List<Double> fallback) {
        String value = raw(name);
        if (value == null) {
            return fallback;
        }
        List<Double> list = new ArrayList<>();
        for (String part : value.split(",")) {
            list.add(Double.parseDouble(part.trim()));
        }
        return List.copyOf(list);
    }

    public List<String> strings(String name, List<String> fallback) {
        String value = raw(name);
        return value == null ? fallback : List.of(value.split(","));
    }

    /** Fails on options no one asked for, so that a typo does not silently run with a default. */
    public void requireAllUsed() {
        Set<String> unknown = new HashSet<>(values.keySet());
        unknown.removeAll(used);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + unknown);
        }
    }

    static Duration parseDuration(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        if (value.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
    }

    private @Nullable String raw(String name) {
        used.add(name);
        return values.get(name);
    }
}
