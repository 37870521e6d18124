package io.itinera.deploy;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** CPU (millicores) and memory (bytes) requested and limited by one or more containers. */
record Resources(long cpuRequest, long memoryRequest, long cpuLimit, long memoryLimit) {

    static final Resources NONE = new Resources(0, 0, 0, 0);

    private static final long MI = 1024L * 1024;

    /** A container's {@code resources} block ({@code requests}, {@code limits}); missing values count as zero. */
    static Resources of(Map<String, Object> block) {
        Map<String, Object> requests = section(block.get("requests"));
        Map<String, Object> limits = section(block.get("limits"));
        return new Resources(
                cpu(requests.get("cpu")),
                memory(requests.get("memory")),
                cpu(limits.get("cpu")),
                memory(limits.get("memory")));
    }

    private static Map<String, Object> section(@Nullable Object value) {
        return value == null ? Map.of() : Yaml.asMap(value);
    }

    /** Kubernetes CPU quantity: {@code 250m}, {@code 1}, {@code 0.5}. */
    static long cpu(@Nullable Object quantity) {
        if (quantity == null) {
            return 0;
        }
        String value = quantity.toString();
        return value.endsWith("m")
                ? Long.parseLong(value.substring(0, value.length() - 1))
                : Math.round(Double.parseDouble(value) * 1000);
    }

    /** Kubernetes memory quantity: {@code 384Mi}, {@code 1Gi}, {@code 512M}, plain bytes. */
    static long memory(@Nullable Object quantity) {
        if (quantity == null) {
            return 0;
        }
        String value = quantity.toString();
        for (Map.Entry<String, Long> unit : Map.of(
                        "Ki", 1024L, "Mi", MI, "Gi", 1024 * MI, "K", 1000L, "M", 1000_000L, "G", 1000_000_000L)
                .entrySet()) {
            if (value.endsWith(unit.getKey())
                    && Character.isDigit(
                            value.charAt(value.length() - unit.getKey().length() - 1))) {
                return Math.round(Double.parseDouble(value.substring(
                                0, value.length() - unit.getKey().length()))
                        * unit.getValue());
            }
        }
        return Long.parseLong(value);
    }

    Resources plus(Resources other) {
        return new Resources(
                cpuRequest + other.cpuRequest,
                memoryRequest + other.memoryRequest,
                cpuLimit + other.cpuLimit,
                memoryLimit + other.memoryLimit);
    }

    Resources times(int count) {
        return new Resources(cpuRequest * count, memoryRequest * count, cpuLimit * count, memoryLimit * count);
    }

    static long mebibytes(long bytes) {
        return Math.round((double) bytes / MI);
    }

    @Override
    public String toString() {
        return "requests %dm CPU / %d MiB, memory limits %d MiB"
                .formatted(cpuRequest, mebibytes(memoryRequest), mebibytes(memoryLimit));
    }
}
