package io.itinera.gateway.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.internals.OffsetCheckpoint;

/**
 * The local copy of Kafka Streams' global stores ({@code <state.dir>/<application.id>/global}: the stores and the
 * checkpoint of how far each topic was read). When a checkpoint lies past its topic's end, the broker has lost records
 * this copy has seen (its data was wiped, the state directory kept): Streams would read on from there, fail with an
 * invalid offset and stop the whole client, and the copy holds records the broker no longer has. Deleted, it is
 * restored from the topics.
 */
record GlobalState(Path directory) {

    // Where StateDirectory keeps the global stores and the name of their checkpoint file (Kafka Streams 4.1).
    private static final String GLOBAL_DIRECTORY = "global";
    private static final String CHECKPOINT_FILE = ".checkpoint";

    static GlobalState of(Properties streamsConfig) {
        return new GlobalState(Path.of(
                streamsConfig.getProperty(StreamsConfig.STATE_DIR_CONFIG),
                streamsConfig.getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
                GLOBAL_DIRECTORY));
    }

    /** Each checkpointed partition whose checkpoint lies past the partition's end on the broker, with the checkpoint. */
    Map<TopicPartition, Long> pastTheEnd(Admin admin) throws InterruptedException, ExecutionException {
        Map<TopicPartition, Long> checkpoints = checkpoints();
        if (checkpoints.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                        checkpoints.keySet().stream()
                                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all()
                .get();
        return checkpoints.entrySet().stream()
                .filter(checkpoint -> {
                    ListOffsetsResult.ListOffsetsResultInfo end = ends.get(checkpoint.getKey());
                    return end != null && checkpoint.getValue() > end.offset();
                })
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    Map<TopicPartition, Long> checkpoints() {
        File file = directory.resolve(CHECKPOINT_FILE).toFile();
        try {
            // Kafka's own reader of the checkpoint format (an internal class: a format change breaks the tests).
            return file.exists() ? new OffsetCheckpoint(file).read() : Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the stores and their checkpoint; only while no Kafka Streams client of this application runs. */
    void delete() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
