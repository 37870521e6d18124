package io.itinera.gateway;

import io.itinera.kafka.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One gateway instance with its own ports and state directory, started as production starts it, and ready. */
public record GatewayReplica(ConfigurableApplicationContext context, WebTestClient web) implements AutoCloseable {

    /** A replica on the shared test broker. */
    public static GatewayReplica start(Path stateDir) {
        return start(stateDir, KafkaTestBroker.bootstrapServers());
    }

    public static GatewayReplica start(Path stateDir, String bootstrapServers) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("test")
                // Command-line arguments, so that they outrank application.yml as they would in production.
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                        "--spring.kafka.streams.state-dir=" + stateDir);
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        WebTestClient web = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        String managementPort = context.getEnvironment().getRequiredProperty("local.management.port");
        WebTestClient management = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
        // Ready means the trip store is loaded: only then does a replica take traffic.
        Awaitility.await("replica ready")
                .atMost(Duration.ofSeconds(60))
                // a starting replica on a loaded machine may not answer at all yet: ask again
                .ignoreExceptions()
                .untilAsserted(() -> management
                        .get()
                        .uri("/actuator/health/readiness")
                        .exchange()
                        .expectStatus()
                        .isOk());
        return new GatewayReplica(context, web);
    }

    /** The saga's tasks this replica runs now. */
    public Set<TaskId> activeTasks() {
        return tasks(ThreadMetadata::activeTasks);
    }

    /** The saga's tasks this replica keeps a warm copy of now, to take them over without restoring them. */
    public Set<TaskId> standbyTasks() {
        return tasks(ThreadMetadata::standbyTasks);
    }

    /** Kafka Streams' state on this replica, {@code null} before it was created. */
    public KafkaStreams.State streamsState() {
        KafkaStreams streams = streams();
        return streams == null ? null : streams.state();
    }

    private KafkaStreams streams() {
        return context.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    }

    private Set<TaskId> tasks(Function<ThreadMetadata, Set<TaskMetadata>> kind) {
        KafkaStreams streams = streams();
        if (streams == null) {
            return Set.of();
        }
        return streams.metadataForLocalThreads().stream()
                .flatMap(thread -> kind.apply(thread).stream())
                .map(TaskMetadata::taskId)
                .collect(Collectors.toSet());
    }

    @Override
    public void close() {
        context.close();
    }
}
