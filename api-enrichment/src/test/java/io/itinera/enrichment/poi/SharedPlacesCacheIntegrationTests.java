package io.itinera.enrichment.poi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.itinera.enrichment.catalog.CatalogDestination;
import io.itinera.enrichment.catalog.CatalogPoi;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.destination.TestDestinations;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.provider.TestProviders;
import io.itinera.events.MovableClock;
import io.itinera.events.Topics;
import io.itinera.events.kafka.KafkaEventPublisher;
import io.itinera.events.serde.EventSerializer;
import io.itinera.kafka.KafkaTestBroker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The live places cache shared through the compacted topic, on a real broker: a replica that fetches a city publishes
 * it; another replica started afterwards (or the same one restarted) serves the city from the topic without calling
 * the provider; once the places are older than the refresh age it asks again, and when the provider then fails it
 * serves the stale places rather than none.
 */
class SharedPlacesCacheIntegrationTests {

    private static final String OVERPASS = "/api/interpreter";
    private static final String MUNICH_BODY = """
            {"version": 0.6, "generator": "Overpass API 0.7.62", "elements": [
              {"type": "way", "id": 24227316, "bounds": {"minlat": 48.1583, "minlon": 11.5688,
                                                          "maxlat": 48.1602, "maxlon": 11.5717},
               "tags": {"name": "Alte Pinakothek", "tourism": "museum", "wikidata": "Q154568",
                        "opening_hours": "Tu 10:00-20:00; We-Su 10:00-18:00", "heritage": "4"}},
              {"type": "relation", "id": 1938003, "bounds": {"minlat": 48.1370, "minlon": 11.5750,
                                                             "maxlat": 48.1385, "maxlon": 11.5770},
               "tags": {"name": "Frauenkirche", "amenity": "place_of_worship", "wikidata": "Q167193",
                        "name:en": "Cathedral of Our Dear Lady", "opening_hours": "Mo-Su 08:00-20:00"}}]}""";

    private static final WireMockServer stub = new WireMockServer(options().dynamicPort());
    private static final MovableClock clock = new MovableClock(Instant.parse("2027-03-20T09:00:00Z"));

    private final CatalogDestination munich =
            TestDestinations.shipped().byId("munich").orElseThrow();
    private final List<KafkaPlacesCache> started = new ArrayList<>();
    private final List<KafkaTemplate<String, Object>> producers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stub.start();
        TestProviders.warmUp(stub.baseUrl());
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.ENRICHMENT_PLACES.name(), Topics.PARTITIONS, (short) 1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @AfterEach
    void stopReplicas() {
        started.forEach(KafkaPlacesCache::stop);
    }

    @Test
    void aCityFetchedByOneReplicaIsServedByAnotherFromTheTopicAndStaleWhenTheProviderFails() {
        stub.stubFor(get(urlPathEqualTo(OVERPASS)).willReturn(okJson(MUNICH_BODY)));

        // given one replica that fetched Munich
        Candidates fetched = replica().of(munich);
        assertThat(fetched.pois()).extracting(CatalogPoi::name).contains("Alte Pinakothek");
        assertThat(fetched.source().source()).isEqualTo(Providers.OVERPASS);
        int calls = calls(); // one, or two when a loaded machine let the first attempt time out
        assertThat(calls).isPositive();

        // when a second replica starts (as after a restart) and plans Munich
        Candidates shared = replica().of(munich);

        // then it serves the same places from the topic, without calling the provider
        // (opening hours compare by their text: CatalogPoi's string form shows every field)
        assertThat(shared.pois())
                .extracting(CatalogPoi::toString)
                .containsExactlyElementsOf(
                        fetched.pois().stream().map(CatalogPoi::toString).toList());
        assertThat(shared.source().fetchedAt()).isEqualTo(fetched.source().fetchedAt());
        assertThat(shared.source().fallback()).isFalse();
        assertThat(calls()).isEqualTo(calls);

        // and once the places are older than the refresh age and the provider fails, it serves them stale
        stub.stubFor(get(urlPathEqualTo(OVERPASS)).willReturn(aResponse().withStatus(500)));
        clock.advance(Duration.ofDays(8));
        Candidates stale = replica().of(munich);
        assertThat(stale.pois())
                .extracting(CatalogPoi::toString)
                .containsExactlyElementsOf(
                        fetched.pois().stream().map(CatalogPoi::toString).toList());
        assertThat(stale.source().fallback()).isTrue();
        assertThat(stale.source().reason()).contains("overpass: HTTP 500", "served instead");
        assertThat(calls()).as("the stale places were refreshed first").isGreaterThan(calls);
    }

    /** A replica: its own providers (and their in-process answer cache) and its own view of the shared topic. */
    private PointsOfInterest replica() {
        String servers = KafkaTestBroker.bootstrapServers();
        KafkaTemplate<String, Object> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, EventSerializer.class)));
        producers.forEach(KafkaTemplate::flush); // what earlier replicas stored is on the topic before this one starts
        producers.add(kafka);
        KafkaPlacesCache cache = new KafkaPlacesCache(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.GROUP_ID_CONFIG, "ignored"),
                new KafkaEventPublisher(kafka, "api-enrichment", Duration.ofSeconds(10), new SimpleMeterRegistry()),
                Duration.ofSeconds(20));
        cache.start();
        started.add(cache);
        return PointsOfInterest.of(
                TestCatalogs.shipped(),
                Map.of(),
                TestProviders.stubbed(stub.baseUrl(), clock, new SimpleMeterRegistry()),
                new PoiProperties(null, 5000, 60, Duration.ofDays(7), Duration.ofSeconds(20)),
                cache,
                clock);
    }

    private static int calls() {
        return stub.countRequestsMatching(
                        getRequestedFor(urlPathEqualTo(OVERPASS)).build())
                .getCount();
    }
}
