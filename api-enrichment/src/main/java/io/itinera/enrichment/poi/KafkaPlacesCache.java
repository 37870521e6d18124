package io.itinera.enrichment.poi;

import io.itinera.events.Topics;
import io.itinera.events.enrichment.PlacesFetched;
import io.itinera.events.kafka.EventPublisher;
import io.itinera.events.serde.EventJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The places cache shared by every replica: fetches are published to the compacted topic {@code
 * travel-enrichment.places} (as progress is: not awaited, outside the enrichment's transaction), and each replica reads the whole
 * topic into a local view at start-up and follows it afterwards, with a consumer of its own that belongs to no group
 * (every replica needs every partition). Start-up waits, up to a bound, until the view has caught up, so that the first
 * trips after a restart are served from it.
 */
final class KafkaPlacesCache implements PlacesCache, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaPlacesCache.class);
    private static final String TOPIC = Topics.ENRICHMENT_PLACES.name();

    private final Map<String, Object> consumerProperties;
    private final EventPublisher publisher;
    private final Duration startupWait;
    private final Map<String, PlacesFetched> view = new ConcurrentHashMap<>();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile boolean running;
    private @Nullable Thread reader;
    private @Nullable KafkaConsumer<String, byte[]> consumer;

    /** @param consumerProperties the service's consumer settings (bootstrap servers, security); group ones are dropped */
    KafkaPlacesCache(Map<String, Object> consumerProperties, EventPublisher publisher, Duration startupWait) {
        Map<String, Object> properties = new HashMap<>(consumerProperties);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-enrichment-places-" + System.identityHashCode(this));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        this.consumerProperties = Map.copyOf(properties);
        this.publisher = publisher;
        this.startupWait = startupWait;
    }

    @Override
    public Optional<PlacesFetched> get(String destinationId) {
        return Optional.ofNullable(view.get(destinationId));
    }

    @Override
    public void store(PlacesFetched places) {
        // As progress is: outside the enrichment's transaction and not awaited. A lost entry costs one more fetch; a
        // cache that cannot be written must never fail a trip.
        publisher.publishProgress(Topics.ENRICHMENT_PLACES, places, null);
        view.merge(places.destinationId(), places, KafkaPlacesCache::newer);
    }

    /** The later fetch of the two: a replica's own fetch may arrive before an older one still on its way. */
    static PlacesFetched newer(PlacesFetched a, PlacesFetched b) {
        return b.fetchedAt().isAfter(a.fetchedAt()) ? b : a;
    }

    int size() {
        return view.size();
    }

    @Override
    public void start() {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties);
        consumer = kafka;
        running = true;
        Thread thread = new Thread(() -> follow(kafka), "places-cache");
        thread.setDaemon(true);
        reader = thread;
        thread.start();
        try {
            if (!loaded.await(startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "The places cache is still loading after {}; trips may call the provider meanwhile",
                        startupWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        try (kafka) {
            List<TopicPartition> partitions = partitions(kafka);
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    take(record);
                }
                if (loaded.getCount() > 0
                        && ends.entrySet().stream().allMatch(end -> kafka.position(end.getKey()) >= end.getValue())) {
                    log.info("Places cache loaded: {} destinations", view.size());
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // stop() ends the loop
        } catch (RuntimeException e) {
            log.error("The places cache stopped following {}; live places are fetched again meanwhile", TOPIC, e);
        } finally {
            loaded.countDown();
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            try {
                List<TopicPartition> partitions = kafka.partitionsFor(TOPIC).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
                if (!partitions.isEmpty()) {
                    return partitions;
                }
                log.warn("Topic {} not found yet; waiting for it", TOPIC);
            } catch (TimeoutException e) {
                log.warn("No broker answered about topic {} yet; trying again", TOPIC);
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new WakeupException();
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            view.remove(record.key());
            return;
        }
        try {
            PlacesFetched places = EventJson.read(record.value(), PlacesFetched.class);
            view.merge(places.destinationId(), places, KafkaPlacesCache::newer);
        } catch (RuntimeException e) {
            // a cache entry it cannot read is only a fetch to make again
            log.warn(
                    "Skipping unreadable places of '{}' at {}-{}@{}: {}",
                    record.key(),
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread thread = reader;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Before the listener containers (Spring Kafka's phase), so that trips meet a loaded cache. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
