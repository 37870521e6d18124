package io.itinera.enrichment.request;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.itinera.enrichment.catalog.Catalog;
import io.itinera.enrichment.catalog.TestCatalogs;
import io.itinera.enrichment.context.TestContexts;
import io.itinera.enrichment.destination.DestinationResolver;
import io.itinera.enrichment.destination.Destinations;
import io.itinera.enrichment.poi.TestPlaces;
import io.itinera.enrichment.provider.Providers;
import io.itinera.enrichment.provider.TestProviders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

class EnrichmentWarmUpTests {

    private final WireMockServer providers = new WireMockServer(options().dynamicPort());

    @BeforeEach
    void start() {
        providers.start();
    }

    @AfterEach
    void stop() {
        providers.stop();
    }

    @Test
    void rehearsesTheConfiguredEnrichmentsWithoutAskingAnyLiveProvider() {
        // given: every live provider switched on, all answering from one stub server
        EnrichmentWarmUp warmUp =
                warmUp(TestProviders.stubbed(providers.baseUrl(), Clock.systemUTC(), new SimpleMeterRegistry()), 10);

        // when
        int enriched = warmUp.rehearse();

        // then: every rehearsal came from shipped data alone
        assertThat(enriched).isEqualTo(10);
        assertThat(providers.getAllServeEvents())
                .as("requests the providers received")
                .isEmpty();
    }

    @Test
    void noTripsMeansNoRehearsal() {
        assertThat(warmUp(TestProviders.offline(), 0).rehearse()).isZero();
    }

    @Test
    void itRunsBeforeTheListenersAndTheirTransactionalProducersStart() {
        assertThat(warmUp(TestProviders.offline(), 1).getPhase())
                .isLessThan(AbstractMessageListenerContainer.DEFAULT_PHASE - 1);
    }

    private static EnrichmentWarmUp warmUp(Providers providers, int trips) {
        Catalog catalog = TestCatalogs.fixture();
        Destinations destinations = new Destinations(catalog.destinations(), List.of());
        return new EnrichmentWarmUp(
                catalog,
                new DestinationResolver(destinations),
                TestPlaces.of(catalog, providers),
                TestContexts.builder(Clock.systemUTC(), providers),
                Clock.systemUTC(),
                new WarmUpProperties(trips));
    }
}
