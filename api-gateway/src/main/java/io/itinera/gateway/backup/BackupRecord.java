package io.itinera.gateway.backup;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record as it was on its topic: the bytes of key, value and headers, its partition and its timestamp, so that a
 * restore puts it back exactly where readers expect it.
 */
record BackupRecord(
        String topic, int partition, long timestamp, byte[] key, byte @Nullable [] value, List<Header> headers) {

    record Header(String key, byte @Nullable [] value) {}
}
