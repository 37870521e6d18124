package io.itinera.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.itinera.events.EventHeaders;
import io.itinera.events.Outcome;
import io.itinera.events.SampleEvents;
import io.itinera.events.TopicNames;
import io.itinera.events.enrichment.EnrichmentCompleted;
import io.itinera.events.enrichment.EnrichmentProgress;
import io.itinera.events.enrichment.EnrichmentRequested;
import io.itinera.events.generation.GenerationCompleted;
import io.itinera.events.generation.GenerationProgress;
import io.itinera.events.generation.GenerationRequested;
import io.itinera.events.proposal.DestinationProposal;
import io.itinera.events.proposal.ProposalBrief;
import io.itinera.events.proposal.ProposalCompleted;
import io.itinera.events.proposal.ProposalProgress;
import io.itinera.events.proposal.ProposalRequested;
import io.itinera.events.proposal.ProposalSnapshot;
import io.itinera.events.proposal.SubmitProposal;
import io.itinera.events.serde.EventDeserializer;
import io.itinera.events.serde.EventJson;
import io.itinera.events.serde.EventSerde;
import io.itinera.events.serde.EventSerializer;
import io.itinera.events.serde.RawJson;
import io.itinera.events.trip.Budget;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.ContextSummary;
import io.itinera.events.trip.EraseTrip;
import io.itinera.events.trip.Interest;
import io.itinera.events.trip.ProgressEntry;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripSnapshot;
import io.itinera.events.trip.TripStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the exact production saga graph without a broker. */
class SagaTopologyTests {

    private static final String TRIP = "trip-1";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<ConsumerRecord<?, ?>> deadLetters = new CopyOnWriteArrayList<>();
    private final TripIndex index = new TripIndex(Clock.systemUTC());
    private final UpdateWatchers proposalFollowers = new UpdateWatchers();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Object> commands;
    private TestInputTopic<String, Object> enrichmentProgress;
    private TestInputTopic<String, Object> enrichmentCompleted;
    private TestInputTopic<String, Object> generationProgress;
    private TestInputTopic<String, Object> generationCompleted;
    private TestOutputTopic<String, TripSnapshot> snapshots;
    private TestOutputTopic<String, EnrichmentRequested> enrichmentRequests;
    private TestOutputTopic<String, GenerationRequested> generationRequests;

    @BeforeEach
    void startDriver() {
        StreamsBuilder builder = new StreamsBuilder();
        SagaTopology.build(
                builder,
                Clock.fixed(Instant.parse("2027-05-01T10:00:00Z"), ZoneOffset.UTC),
                new SagaMetrics(meters),
                StageDeadlines.defaults(),
                ProposalStageDeadlines.defaults(),
                new TripRetention(Duration.ofHours(1), Duration.ofMinutes(1)),
                index,
                proposalFollowers);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "api-gateway-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.putAll(SagaTopology.processingConfig((record, exception) -> deadLetters.add(record)));
        driver = new TopologyTestDriver(builder.build(), config);
        commands = input(TopicNames.TRIP_COMMANDS);
        enrichmentProgress = input(TopicNames.ENRICHMENT_PROGRESS);
        enrichmentCompleted = input(TopicNames.ENRICHMENT_COMPLETED);
        generationProgress = input(TopicNames.GENERATION_PROGRESS);
        generationCompleted = input(TopicNames.GENERATION_COMPLETED);
        snapshots = driver.createOutputTopic(
                TopicNames.TRIP_STATE, new StringDeserializer(), new EventDeserializer<>(TripSnapshot.class));
        enrichmentRequests = driver.createOutputTopic(
                TopicNames.ENRICHMENT_REQUEST,
                new StringDeserializer(),
                new EventDeserializer<>(EnrichmentRequested.class));
        generationRequests = driver.createOutputTopic(
                TopicNames.GENERATION_REQUEST,
                new StringDeserializer(),
                new EventDeserializer<>(GenerationRequested.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void submittedTripIsPendingAndAsksForEnrichment() {
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.replace(headers, EventHeaders.REQUEST_ID, "req-42");

        SubmitTrip submitted = submitted();
        commands.pipeInput(new TestRecord<>(TRIP, submitted, headers));

        TripSnapshot snapshot = snapshots.readValue();
        assertThat(snapshot.status()).isEqualTo(TripStatus.PENDING);
        assertThat(snapshot.clientId()).isEqualTo("client-a");
        assertThat(snapshot.version()).isEqualTo(1);
        assertThat(snapshot.acceptedSubmissionId())
                .isEqualTo(submitted.eventId().toString());
        TestRecord<String, EnrichmentRequested> request = enrichmentRequests.readRecord();
        assertThat(request.key()).isEqualTo(TRIP);
        assertThat(request.value().request().destination()).isEqualTo("Lisbon");
        assertThat(EventHeaders.read(request.headers(), EventHeaders.REQUEST_ID))
                .contains("req-42");
        assertThat(EventHeaders.read(request.headers(), EventHeaders.CE_TYPE))
                .contains("io.itinera.enrichment.EnrichmentRequested.v1");
        assertThat(EventHeaders.read(request.headers(), EventHeaders.CE_ID))
                .contains(request.value().eventId().toString());
    }

    @Test
    void tripGoesThroughEveryStageToReady() {
        commands.pipeInput(TRIP, submitted());
        enrichmentProgress.pipeInput(TRIP, EnrichmentProgress.of(TRIP, "destination-resolved", 30, "Lisbon"));
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.succeeded(TRIP, SampleEvents.context()));
        generationProgress.pipeInput(TRIP, GenerationProgress.of(TRIP, "day-planned", 100, "1 stop"));
        generationCompleted.pipeInput(TRIP, GenerationCompleted.succeeded(TRIP, SampleEvents.itinerary()));

        List<TripSnapshot> states = snapshots.readValuesToList();
        assertThat(states)
                .extracting(TripSnapshot::status)
                .containsExactly(
                        TripStatus.PENDING,
                        TripStatus.ENRICHING,
                        TripStatus.GENERATING,
                        TripStatus.GENERATING,
                        TripStatus.READY);
        assertThat(states).extracting(TripSnapshot::version).containsExactly(1L, 2L, 3L, 4L, 5L);
        TripSnapshot ready = states.get(states.size() - 1);
        assertThat(ready.itinerary()).isEqualTo(RawJson.of(SampleEvents.itinerary()));
        assertThat(ready.context()).isEqualTo(RawJson.of(ContextSummary.of(SampleEvents.context())));
        assertThat(ready.history()).extracting(e -> e.sequence()).containsExactly(1L, 2L, 3L, 4L, 5L);
        GenerationRequested generation = generationRequests.readValue();
        assertThat(generation.context()).isEqualTo(SampleEvents.context());
        assertThat(generation.request()).isEqualTo(SampleEvents.fullRequest());
        assertThat(meters.counter(SagaMetrics.TRIPS_COMPLETED, "outcome", "ready")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void everyStateRecordSaysWhatItHoldsInItsHeaders() {
        SubmitTrip submitted = submitted();
        commands.pipeInput(TRIP, submitted);
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.failed(TRIP, SampleEvents.failure()));

        List<TestRecord<String, TripSnapshot>> records = snapshots.readRecordsToList();
        assertThat(records).hasSize(2);
        for (TestRecord<String, TripSnapshot> record : records) {
            TripSnapshot trip = record.value();
            assertThat(EventHeaders.read(record.headers(), EventHeaders.STATUS))
                    .contains(trip.status().name());
            assertThat(EventHeaders.read(record.headers(), EventHeaders.CLIENT)).contains("client-a");
            assertThat(EventHeaders.read(record.headers(), EventHeaders.CREATED))
                    .contains(Long.toString(trip.createdAt().toEpochMilli()));
            assertThat(EventHeaders.read(record.headers(), EventHeaders.SUBMISSION))
                    .contains(submitted.eventId().toString());
        }
        assertThat(records)
                .extracting(
                        r -> EventHeaders.read(r.headers(), EventHeaders.STATUS).orElseThrow())
                .containsExactly("PENDING", "FAILED");
    }

    @Test
    void contextAndItineraryTravelAsTheWorkersWroteThem() {
        EnrichmentCompleted enriched = EnrichmentCompleted.succeeded(TRIP, SampleEvents.context());
        GenerationCompleted planned = GenerationCompleted.succeeded(TRIP, SampleEvents.itinerary());
        commands.pipeInput(TRIP, submitted());

        enrichmentCompleted.pipeInput(TRIP, enriched);
        generationCompleted.pipeInput(TRIP, planned);

        byte[] request = driver.createOutputTopic(
                        TopicNames.GENERATION_REQUEST, new StringDeserializer(), new ByteArrayDeserializer())
                .readValue();
        assertThat(json(request))
                .contains("\"context\":" + json(EventJson.mapper().writeValueAsBytes(enriched.context())));
        TripSnapshot ready = snapshots.readValuesToList().get(2);
        assertThat(ready.context().toString())
                .isEqualTo(json(EventJson.mapper().writeValueAsBytes(enriched.summary())));
        assertThat(ready.itinerary().toString())
                .isEqualTo(json(EventJson.mapper().writeValueAsBytes(planned.itinerary())));
    }

    @Test
    void anEnrichmentWithoutASummaryStillGivesTheTripItsContext() {
        commands.pipeInput(TRIP, submitted());

        // as written by an api-enrichment older than the summary field
        enrichmentCompleted.pipeInput(
                TRIP,
                new EnrichmentCompleted(
                        1,
                        UUID.randomUUID(),
                        Instant.now(),
                        TRIP,
                        Outcome.SUCCEEDED,
                        SampleEvents.context(),
                        null,
                        null));

        TripSnapshot generating = snapshots.readValuesToList().get(1);
        assertThat(generating.status()).isEqualTo(TripStatus.GENERATING);
        assertThat(generating.context().read(ContextSummary.class))
                .isEqualTo(ContextSummary.of(SampleEvents.context()));
        assertThat(generationRequests.readValue().context()).isEqualTo(SampleEvents.context());
    }

    @Test
    void aStoreValueWrittenAsAWholeSnapshotIsStillRead() {
        // What the store held before it kept only the working state: the whole snapshot (here with an itinerary,
        // which the working state leaves out) and no accepted submission.
        TripSnapshot old = new TripSnapshot(
                1,
                TRIP,
                "client-a",
                3,
                TripStatus.GENERATING,
                SampleEvents.NOW,
                SampleEvents.NOW,
                SampleEvents.fullRequest(),
                RawJson.of(ContextSummary.of(SampleEvents.context())),
                RawJson.of(SampleEvents.itinerary()),
                null,
                List.of(new ProgressEntry(1, SampleEvents.NOW, "trip", TripStatus.PENDING, "accepted", 0, "Accepted")),
                List.of(UUID.randomUUID().toString()),
                null);

        TripWorkingState read = EventSerde.of(TripWorkingState.class)
                .deserializer()
                .deserialize(
                        "api-gateway-trip-saga-store-changelog",
                        EventJson.mapper().writeValueAsBytes(old));
        driver.<String, TripWorkingState>getKeyValueStore(SagaTopology.TRIP_SAGA_STORE)
                .put(TRIP, read);
        generationCompleted.pipeInput(TRIP, GenerationCompleted.succeeded(TRIP, SampleEvents.itinerary()));

        assertThat(read.view(old.itinerary())).isEqualTo(old);
        TripSnapshot ready = snapshots.readValue();
        assertThat(ready.status()).isEqualTo(TripStatus.READY);
        assertThat(ready.version()).isEqualTo(4);
        assertThat(ready.context()).isEqualTo(old.context());
        assertThat(ready.history()).hasSize(2);
    }

    @Test
    void replayedAndDuplicatedEventsChangeNothing() {
        SubmitTrip submitted = submitted();
        EnrichmentCompleted completed = EnrichmentCompleted.succeeded(TRIP, SampleEvents.context());
        commands.pipeInput(TRIP, submitted);
        enrichmentCompleted.pipeInput(TRIP, completed);
        snapshots.readValuesToList();
        generationRequests.readValuesToList();

        // the same records again
        commands.pipeInput(TRIP, submitted);
        enrichmentCompleted.pipeInput(TRIP, completed);

        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(generationRequests.isEmpty()).isTrue();
        assertThat(enrichmentRequests.readValuesToList()).hasSize(1);

        // a second enrichment answer (under exactly-once workers, the answer to a request the saga sent again) sends
        // the generation request again, marked, for a worker to drop if it handled the first after it; nothing else
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.succeeded(TRIP, SampleEvents.context()));
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(generationRequests.readRecordsToList())
                .singleElement()
                .satisfies(again -> assertThat(resentMark(again)).contains("true"));
    }

    @Test
    void failedEnrichmentEndsTheTripWithItsReason() {
        commands.pipeInput(TRIP, submitted());
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.failed(TRIP, SampleEvents.failure()));

        TripSnapshot failed = snapshots.readValuesToList().get(1);
        assertThat(failed.status()).isEqualTo(TripStatus.FAILED);
        assertThat(failed.failure()).isEqualTo(SampleEvents.failure());
        assertThat(generationRequests.isEmpty()).isTrue();
    }

    @Test
    void lateEventsAfterATerminalStatusAreIgnored() {
        commands.pipeInput(TRIP, submitted());
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.failed(TRIP, SampleEvents.failure()));
        snapshots.readValuesToList();

        enrichmentProgress.pipeInput(TRIP, EnrichmentProgress.of(TRIP, "late", 50, "too late"));
        generationCompleted.pipeInput(TRIP, GenerationCompleted.succeeded(TRIP, SampleEvents.itinerary()));

        assertThat(snapshots.isEmpty()).isTrue();
    }

    @Test
    void aStageRunningPastItsDeadlineFailsOnlyThatOpenTrip() {
        commands.pipeInput(TRIP, submitted());
        commands.pipeInput("trip-2", submitted("trip-2"));
        enrichmentCompleted.pipeInput("trip-2", EnrichmentCompleted.failed("trip-2", SampleEvents.failure()));
        snapshots.readValuesToList();

        // The clock of the fold is fixed at 10:00; PENDING may last 2 minutes by default.
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:01:30Z")));
        assertThat(snapshots.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        TestRecord<String, TripSnapshot> timedOut = snapshots.readRecord();
        assertThat(timedOut.key()).isEqualTo(TRIP);
        assertThat(timedOut.value().status()).isEqualTo(TripStatus.FAILED);
        assertThat(timedOut.value().failure().code()).isEqualTo("stage-timeout");
        assertThat(timedOut.value().failure().reason()).contains("PENDING");
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(meters.get("itinera.trips.timed.out")
                        .tag("stage", "pending")
                        .counter()
                        .count())
                .isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(snapshots.isEmpty()).isTrue();
    }

    @Test
    void anUnansweredTripsEnrichmentRequestIsSentAgainUntilEnrichmentAnswers() {
        commands.pipeInput(TRIP, submitted());
        assertThat(enrichmentRequests.readRecordsToList())
                .singleElement()
                .satisfies(first -> assertThat(resentMark(first)).isEmpty());
        snapshots.readValuesToList();

        // The clock of the fold is fixed at 10:00; an unanswered request is sent again after 20 s by default.
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:00:15Z")));
        assertThat(enrichmentRequests.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(10));

        TestRecord<String, EnrichmentRequested> again = enrichmentRequests.readRecord();
        assertThat(again.key()).isEqualTo(TRIP);
        assertThat(again.value().tripId()).isEqualTo(TRIP);
        assertThat(again.value().request()).isEqualTo(SampleEvents.fullRequest());
        assertThat(resentMark(again)).contains("true");
        assertThat(EventHeaders.read(again.headers(), EventHeaders.CE_ID))
                .contains(again.value().eventId().toString());
        assertThat(snapshots.isEmpty())
                .as("sending again changes nothing clients see")
                .isTrue();
        assertThat(resent("trip")).isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofSeconds(20));
        assertThat(enrichmentRequests.isEmpty())
                .as("each further copy waits twice as long as the one before")
                .isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(20));
        assertThat(enrichmentRequests.readValuesToList())
                .as("and again while no answer comes")
                .hasSize(1);

        // enrichment started: its answer can be lost too, so the request still goes out while none comes
        enrichmentProgress.pipeInput(TRIP, EnrichmentProgress.of(TRIP, "destination-resolved", 30, "Lisbon"));
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(enrichmentRequests.readValuesToList()).hasSize(1);
        assertThat(resent("trip")).isEqualTo(3);
        assertThat(snapshots.readValuesToList())
                .extracting(TripSnapshot::status)
                .containsOnly(TripStatus.ENRICHING);
    }

    @Test
    void aSilentGenerationIsAskedAgainThroughEnrichmentAndItsAnswerSendsTheGenerationRequestAgain() {
        commands.pipeInput(TRIP, submitted());
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.succeeded(TRIP, SampleEvents.context()));
        enrichmentRequests.readValuesToList();
        assertThat(generationRequests.readRecordsToList())
                .singleElement()
                .satisfies(first -> assertThat(resentMark(first)).isEmpty());
        snapshots.readValuesToList();

        // a generation queue is normal under load: GENERATING waits 90 s (the fold's clock says it began at 10:00)
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:01:20Z")));
        assertThat(enrichmentRequests.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofSeconds(15));
        assertThat(enrichmentRequests.readRecordsToList())
                .singleElement()
                .satisfies(again -> assertThat(resentMark(again)).contains("true"));

        // enrichment answers again: the generation request goes out again, marked, and the trip does not change
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.succeeded(TRIP, SampleEvents.context()));
        TestRecord<String, GenerationRequested> generationAgain = generationRequests.readRecord();
        assertThat(generationAgain.value().tripId()).isEqualTo(TRIP);
        assertThat(generationAgain.value().context()).isEqualTo(SampleEvents.context());
        assertThat(resentMark(generationAgain)).contains("true");
        assertThat(snapshots.isEmpty()).isTrue();

        generationCompleted.pipeInput(TRIP, GenerationCompleted.succeeded(TRIP, SampleEvents.itinerary()));
        assertThat(snapshots.readValue().status()).isEqualTo(TripStatus.READY);
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(enrichmentRequests.isEmpty()).isTrue();
        assertThat(generationRequests.isEmpty()).isTrue();
    }

    @Test
    void aScanSendsAtMostItsShareOfCopiesAndLeavesTheRestDueForTheNextScans() {
        int trips = SagaProcessor.MAX_RESENDS_PER_SCAN + 40;
        for (int i = 0; i < trips; i++) {
            commands.pipeInput("trip-" + i, submitted("trip-" + i));
        }
        assertThat(enrichmentRequests.readValuesToList()).hasSize(trips);

        // every request is due again at once, as after a worker's outage (due at 10:00:20; the margin covers the
        // seconds piping the commands may take, by which the driver's clock lags Instant.now())
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:00:40Z")));
        assertThat(enrichmentRequests.readValuesToList()).hasSize(SagaProcessor.MAX_RESENDS_PER_SCAN);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(enrichmentRequests.readValuesToList())
                .as("the rest, with the next scan")
                .extracting(EnrichmentRequested::tripId)
                .hasSize(40)
                .doesNotHaveDuplicates();
        assertThat(resent("trip")).isEqualTo(trips);
    }

    @Test
    void aScanEndsAtMostItsShareOfOverdueTripsAndLeavesTheRestForTheNextScans() {
        int trips = SagaProcessor.MAX_EXPIRIES_PER_SCAN + 40;
        for (int i = 0; i < trips; i++) {
            commands.pipeInput("trip-" + i, submitted("trip-" + i));
        }
        snapshots.readValuesToList();

        // every trip's PENDING deadline (10:02) has passed at once, as after a worker's outage longer than the stage;
        // the margin covers the seconds piping the commands may take, by which the driver's clock lags Instant.now()
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:02:20Z")));
        assertThat(failed(snapshots.readValuesToList())).hasSize(SagaProcessor.MAX_EXPIRIES_PER_SCAN);
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(failed(snapshots.readValuesToList()))
                .as("the rest, with the next scan")
                .hasSize(40)
                .doesNotHaveDuplicates();
        driver.advanceWallClockTime(Duration.ofSeconds(5));
        assertThat(failed(snapshots.readValuesToList())).isEmpty();
    }

    private static List<String> failed(List<TripSnapshot> snapshots) {
        return snapshots.stream()
                .filter(trip -> trip.status() == TripStatus.FAILED)
                .map(TripSnapshot::tripId)
                .toList();
    }

    @Test
    void aTripWhoseRequestIsNeverAnsweredStillTimesOutAtItsDeadlineAfterBeingSentAgain() {
        commands.pipeInput(TRIP, submitted());
        snapshots.readValuesToList();

        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:01:55Z")));
        assertThat(snapshots.isEmpty()).isTrue();
        // the jump is one scan of the wall clock: the request was due again once
        assertThat(enrichmentRequests.readValuesToList()).hasSize(2);
        driver.advanceWallClockTime(Duration.ofSeconds(10));

        assertThat(snapshots.readValue().failure().code()).isEqualTo("stage-timeout");
        assertThat(enrichmentRequests.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(5));
        assertThat(enrichmentRequests.isEmpty()).isTrue();
    }

    @Test
    void anUnansweredProposalsRankingRequestIsSentAgainUntilGenerationAnswers() {
        TestOutputTopic<String, ProposalRequested> rankingRequests = driver.createOutputTopic(
                TopicNames.PROPOSAL_REQUEST,
                new StringDeserializer(),
                new EventDeserializer<>(ProposalRequested.class));
        ProposalBrief brief = new ProposalBrief("Lisbon", 5, 4, List.of(Interest.ART), Budget.MEDIUM, null, 3);
        input(TopicNames.PROPOSAL_COMMANDS)
                .pipeInput("prop-1", SubmitProposal.of("prop-1", "client-a", "req-1", brief));
        assertThat(rankingRequests.readValuesToList()).hasSize(1);

        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:00:25Z")));
        TestRecord<String, ProposalRequested> again = rankingRequests.readRecord();
        assertThat(again.value().brief()).isEqualTo(brief);
        assertThat(resentMark(again)).contains("true");
        assertThat(resent("proposal")).isEqualTo(1);

        // ranking started: its answer can be lost too
        input(TopicNames.PROPOSAL_PROGRESS).pipeInput("prop-1", ProposalProgress.of("prop-1", "scored", 50, "Scored"));
        driver.advanceWallClockTime(Duration.ofSeconds(20));
        assertThat(rankingRequests.readValuesToList()).hasSize(1);

        input(TopicNames.PROPOSAL_COMPLETED)
                .pipeInput(
                        "prop-1",
                        new ProposalCompleted(
                                1, UUID.randomUUID(), Instant.now(), "prop-1", Outcome.SUCCEEDED, List.of(), null));
        driver.advanceWallClockTime(Duration.ofSeconds(60));
        assertThat(rankingRequests.isEmpty()).as("never once it has answered").isTrue();
    }

    @Test
    void theReadModelKeepsEveryTripsBytesAndCountsOpenAndFinishedTrips() {
        AtomicInteger updatesOfTrip2 = new AtomicInteger();
        index.watch("trip-2", updatesOfTrip2::incrementAndGet);
        commands.pipeInput(TRIP, submitted());
        commands.pipeInput("trip-2", submitted("trip-2"));
        commands.pipeInput("trip-3", submitted("trip-3"));
        assertThat(index.openTrips()).isEqualTo(3);
        assertThat(index.finishingCapacity()).isZero();

        enrichmentCompleted.pipeInput("trip-2", EnrichmentCompleted.failed("trip-2", SampleEvents.failure()));
        commands.pipeInput("trip-3", CancelTrip.of("trip-3", "client-a", "req-3"));

        assertThat(index.openTrips()).isEqualTo(1);
        // one failed just now and counts over the sustained window; a cancelled trip says nothing about capacity
        assertThat(index.finishingCapacity()).isCloseTo(1.0 / TripIndex.CAPACITY_SUSTAIN.toSeconds(), offset(0.01));
        assertThat(updatesOfTrip2).hasValue(2);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(SagaTopology.TRIPS_STORE);
        TripSnapshot stored = new EventDeserializer<>(TripSnapshot.class).deserialize("t", store.get("trip-2"));
        assertThat(stored.status()).isEqualTo(TripStatus.FAILED);
    }

    @Test
    void aStateRecordWithAStatusHeaderIsStoredWithoutParsingAndOneWithoutIsChecked() {
        TestInputTopic<String, String> state =
                driver.createInputTopic(TopicNames.TRIP_STATE, new StringSerializer(), new StringSerializer());
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.describeState(headers, "GENERATING", "client-a", Instant.ofEpochMilli(1_000), null);

        state.pipeInput(new TestRecord<>("trip-9", "{\"opaque\":true}", headers));
        state.pipeInput("trip-8", "{\"schemaVersion\":1}");

        assertThat(index.openTrips()).isEqualTo(1);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(SagaTopology.TRIPS_STORE);
        assertThat(new String(store.get("trip-9"), StandardCharsets.UTF_8)).isEqualTo("{\"opaque\":true}");
        // not a snapshot: kept out of the read model (the test driver logs and skips it; in a running gateway it goes
        // to the dead-letter topic, see SagaResilienceIntegrationTests)
        assertThat(store.get("trip-8")).isNull();

        state.pipeInput(new TestRecord<String, String>("trip-9", null));
        assertThat(index.openTrips()).isZero();
        assertThat(store.get("trip-9")).isNull();
    }

    @Test
    void onlyItsOwnerErasesATripAndOnlyOnceItEnded() {
        commands.pipeInput(TRIP, submitted());
        commands.pipeInput(TRIP, EraseTrip.of(TRIP, "client-a", "req-2"));
        snapshots.readRecordsToList();
        assertThat(snapshots.isEmpty()).as("a trip in progress is not erased").isTrue();

        commands.pipeInput(TRIP, CancelTrip.of(TRIP, "client-a", "req-3"));
        commands.pipeInput(TRIP, EraseTrip.of(TRIP, "client-b", "req-4"));
        assertThat(snapshots.readValuesToList()).hasSize(1);

        commands.pipeInput(TRIP, EraseTrip.of(TRIP, "client-a", "req-5"));
        TestRecord<String, TripSnapshot> tombstone = snapshots.readRecord();
        assertThat(tombstone.key()).isEqualTo(TRIP);
        assertThat(tombstone.value()).isNull();
        KeyValueStore<String, Object> saga = driver.getKeyValueStore(SagaTopology.TRIP_SAGA_STORE);
        assertThat(saga.get(TRIP)).isNull();
        KeyValueStore<String, byte[]> readModel = driver.getKeyValueStore(SagaTopology.TRIPS_STORE);
        assertThat(readModel.get(TRIP)).isNull();
        assertThat(index.byClient().page("client-a", null, null, 10)).isEmpty();
        assertThat(erased("owner")).isEqualTo(1);

        // its retention entry went with it: nothing more is written when the retention would have ended
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T11:02:00Z")));
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(erased("retention")).isZero();
    }

    @Test
    void aFinishedTripIsErasedWhenItsRetentionEndsAndNoSooner() {
        commands.pipeInput(TRIP, submitted());
        commands.pipeInput(TRIP, CancelTrip.of(TRIP, "client-a", "req-2"));
        assertThat(snapshots.readValuesToList()).hasSize(2);

        // cancelled at 10:00 (the saga's clock), kept for an hour (this test's retention)
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:58:00Z")));
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(index.byClient().page("client-a", null, null, 10)).hasSize(1);

        assertThat(erased("retention")).isZero();
        driver.advanceWallClockTime(Duration.ofMinutes(3));
        TestRecord<String, TripSnapshot> tombstone = snapshots.readRecord();
        assertThat(tombstone.key()).isEqualTo(TRIP);
        assertThat(tombstone.value()).isNull();
        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(driver.<String, Object>getKeyValueStore(SagaTopology.TRIP_SAGA_STORE)
                        .get(TRIP))
                .isNull();
        KeyValueStore<String, String> retention = driver.getKeyValueStore(SagaTopology.TRIP_RETENTION_STORE);
        try (var left = retention.all()) {
            assertThat(left.hasNext()).isFalse();
        }
        assertThat(index.byClient().page("client-a", null, null, 10)).isEmpty();
        assertThat(erased("retention")).isEqualTo(1);
        assertThat(erased("owner")).isZero();
    }

    @Test
    void listingsOrderTripsByWhenTheirCommandWasAcceptedStableUnderReplaysAndRestores() {
        // accepted in the order b, a, but folded in the order a, b (another partition) at the same saga time
        SubmitTrip a = submittedAt("trip-a", Instant.parse("2027-05-01T09:00:02Z"));
        SubmitTrip b = submittedAt("trip-b", Instant.parse("2027-05-01T09:00:01Z"));
        commands.pipeInput("trip-a", a);
        commands.pipeInput("trip-b", b);

        assertThat(snapshots.readValuesToList())
                .extracting(TripSnapshot::createdAt)
                .containsExactly(a.occurredAt(), b.occurredAt());
        assertThat(ids(index.byClient().page("client-a", null, null, 10))).containsExactly("trip-a", "trip-b");

        // replayed commands change nothing; a fold at another time makes the same trip; an index rebuilt from the
        // restored read model orders it the same way
        commands.pipeInput("trip-b", b);
        assertThat(snapshots.isEmpty()).isTrue();
        Clock later = Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(new TripFold(later).apply(null, b).view().createdAt()).isEqualTo(b.occurredAt());
        TripIndex rebuilt = new TripIndex(Clock.systemUTC());
        rebuilt.rebuild(driver.<String, byte[]>getKeyValueStore(SagaTopology.TRIPS_STORE));
        assertThat(ids(rebuilt.byClient().page("client-a", null, null, 10))).containsExactly("trip-a", "trip-b");
    }

    @Test
    void eventsForUnknownTripsAreIgnored() {
        enrichmentCompleted.pipeInput("nobody", EnrichmentCompleted.succeeded("nobody", SampleEvents.context()));

        assertThat(snapshots.isEmpty()).isTrue();
        assertThat(generationRequests.isEmpty()).isTrue();
    }

    @Test
    void unreadableRecordDoesNotStopTheSaga() {
        driver.createInputTopic(TopicNames.ENRICHMENT_COMPLETED, new StringSerializer(), new StringSerializer())
                .pipeInput(TRIP, "{not json");
        commands.pipeInput(TRIP, submitted());

        assertThat(deadLetters)
                .singleElement()
                .satisfies(r -> assertThat(r.topic()).isEqualTo(TopicNames.ENRICHMENT_COMPLETED));
        assertThat(snapshots.readValue().status()).isEqualTo(TripStatus.PENDING);
    }

    @Test
    void proposalGoesFromBriefToRankedDestinations() {
        TestInputTopic<String, Object> proposalCommands = input(TopicNames.PROPOSAL_COMMANDS);
        TestOutputTopic<String, ProposalSnapshot> proposals = driver.createOutputTopic(
                TopicNames.PROPOSAL_STATE, new StringDeserializer(), new EventDeserializer<>(ProposalSnapshot.class));
        TestOutputTopic<String, ProposalRequested> rankingRequests = driver.createOutputTopic(
                TopicNames.PROPOSAL_REQUEST,
                new StringDeserializer(),
                new EventDeserializer<>(ProposalRequested.class));
        ProposalBrief brief = new ProposalBrief("Lisbon", 5, 4, List.of(Interest.ART), Budget.MEDIUM, null, 3);
        ProposalCompleted completed = new ProposalCompleted(
                1,
                UUID.randomUUID(),
                Instant.now(),
                "prop-1",
                Outcome.SUCCEEDED,
                List.of(new DestinationProposal("porto", "Porto", "PT", 0.8, Map.of(), List.of("Close"))),
                null);

        proposalCommands.pipeInput("prop-1", SubmitProposal.of("prop-1", "client-a", "req-9", brief));
        input(TopicNames.PROPOSAL_PROGRESS).pipeInput("prop-1", ProposalProgress.of("prop-1", "scored", 50, "Scored"));
        input(TopicNames.PROPOSAL_COMPLETED).pipeInput("prop-1", completed);
        input(TopicNames.PROPOSAL_COMPLETED).pipeInput("prop-1", completed);

        assertThat(rankingRequests.readValue().brief()).isEqualTo(brief);
        List<TestRecord<String, ProposalSnapshot>> records = proposals.readRecordsToList();
        List<ProposalSnapshot> states = records.stream().map(TestRecord::value).toList();
        assertThat(states)
                .extracting(ProposalSnapshot::status)
                .containsExactly(TripStatus.PENDING, TripStatus.GENERATING, TripStatus.READY);
        assertThat(records)
                .extracting(
                        r -> EventHeaders.read(r.headers(), EventHeaders.STATUS).orElseThrow())
                .containsExactly("PENDING", "GENERATING", "READY");
        assertThat(states.get(2).proposals())
                .extracting(DestinationProposal::destinationId)
                .containsExactly("porto");
        assertThat(meters.counter(SagaMetrics.PROPOSALS_COMPLETED, "outcome", "ready")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aProposalWhoseStageRunsPastItsDeadlineFailsWithAReasonAndOnlyThatOne() {
        TestInputTopic<String, Object> proposalCommands = input(TopicNames.PROPOSAL_COMMANDS);
        TestOutputTopic<String, ProposalSnapshot> proposals = driver.createOutputTopic(
                TopicNames.PROPOSAL_STATE, new StringDeserializer(), new EventDeserializer<>(ProposalSnapshot.class));
        ProposalBrief brief = new ProposalBrief("Lisbon", 5, 4, List.of(Interest.ART), Budget.MEDIUM, null, 3);
        proposalCommands.pipeInput("prop-pending", SubmitProposal.of("prop-pending", "client-a", "req-1", brief));
        proposalCommands.pipeInput("prop-ranking", SubmitProposal.of("prop-ranking", "client-a", "req-2", brief));
        input(TopicNames.PROPOSAL_PROGRESS)
                .pipeInput("prop-ranking", ProposalProgress.of("prop-ranking", "scored", 50, "Scored"));
        proposalCommands.pipeInput("prop-ready", SubmitProposal.of("prop-ready", "client-a", "req-3", brief));
        input(TopicNames.PROPOSAL_COMPLETED)
                .pipeInput(
                        "prop-ready",
                        new ProposalCompleted(
                                1, UUID.randomUUID(), Instant.now(), "prop-ready", Outcome.SUCCEEDED, List.of(), null));
        proposals.readValuesToList();

        // The clock of the fold is fixed at 10:00; PENDING and GENERATING may each last 2 minutes by default.
        driver.advanceWallClockTime(Duration.between(Instant.now(), Instant.parse("2027-05-01T10:01:30Z")));
        assertThat(proposals.isEmpty()).isTrue();
        driver.advanceWallClockTime(Duration.ofMinutes(1));

        Map<String, ProposalSnapshot> timedOut = proposals.readKeyValuesToMap();
        assertThat(timedOut).containsOnlyKeys("prop-pending", "prop-ranking");
        assertThat(timedOut.values()).allSatisfy(proposal -> {
            assertThat(proposal.status()).isEqualTo(TripStatus.FAILED);
            assertThat(proposal.failure().code()).isEqualTo("stage-timeout");
            assertThat(proposal.history().get(proposal.history().size() - 1).step())
                    .isEqualTo("timed-out");
        });
        assertThat(timedOut.get("prop-pending").failure().reason()).contains("PENDING");
        assertThat(timedOut.get("prop-ranking").failure().reason()).contains("GENERATING");
        assertThat(meters.get("itinera.proposals.timed.out")
                        .tag("stage", "pending")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("itinera.proposals.timed.out")
                        .tag("stage", "generating")
                        .counter()
                        .count())
                .isEqualTo(1);

        driver.advanceWallClockTime(Duration.ofMinutes(10));
        assertThat(proposals.isEmpty()).isTrue();
    }

    @Test
    void aProposalsFollowersAreToldOfEachChangeOnceItIsReadable() throws Exception {
        KeyValueStore<String, ProposalSnapshot> store = driver.getKeyValueStore(SagaTopology.PROPOSALS_STORE);
        List<Optional<ProposalSnapshot>> seenWhenTold = new CopyOnWriteArrayList<>();
        AutoCloseable following =
                proposalFollowers.watch("prop-2", () -> seenWhenTold.add(Optional.ofNullable(store.get("prop-2"))));
        ProposalBrief brief = new ProposalBrief("Lisbon", 5, 4, List.of(Interest.ART), Budget.MEDIUM, null, 3);

        input(TopicNames.PROPOSAL_COMMANDS)
                .pipeInput("prop-2", SubmitProposal.of("prop-2", "client-a", "req-7", brief));
        input(TopicNames.PROPOSAL_PROGRESS).pipeInput("prop-2", ProposalProgress.of("prop-2", "scored", 50, "Scored"));
        following.close();
        input(TopicNames.PROPOSAL_PROGRESS).pipeInput("prop-2", ProposalProgress.of("prop-2", "more", 60, "More"));

        // told once per snapshot while watching, each already in the store when told
        assertThat(seenWhenTold)
                .extracting(seen -> seen.orElseThrow().status())
                .containsExactly(TripStatus.PENDING, TripStatus.GENERATING);
    }

    @Test
    void cancelledTripIgnoresLateWorkerResults() {
        commands.pipeInput(TRIP, submitted());
        commands.pipeInput(TRIP, CancelTrip.of(TRIP, "someone-else", "req-x"));
        commands.pipeInput(TRIP, CancelTrip.of(TRIP, "client-a", "req-y"));
        enrichmentCompleted.pipeInput(TRIP, EnrichmentCompleted.succeeded(TRIP, SampleEvents.context()));

        assertThat(snapshots.readValuesToList())
                .extracting(TripSnapshot::status)
                .containsExactly(TripStatus.PENDING, TripStatus.CANCELLED);
        assertThat(generationRequests.isEmpty()).isTrue();
    }

    private static SubmitTrip submitted() {
        return submitted(TRIP);
    }

    private static SubmitTrip submitted(String trip) {
        return SubmitTrip.of(trip, "client-a", "req-1", SampleEvents.fullRequest());
    }

    private double erased(String reason) {
        return meters.get(SagaMetrics.TRIPS_ERASED)
                .tag("reason", reason)
                .counter()
                .count();
    }

    /** The mark a request sent again carries; empty on a first request. */
    private static Optional<String> resentMark(TestRecord<String, ?> request) {
        return EventHeaders.read(request.headers(), EventHeaders.RESENT);
    }

    private double resent(String saga) {
        return meters.get("itinera.saga.requests.resent")
                .tag("saga", saga)
                .counter()
                .count();
    }

    private static SubmitTrip submittedAt(String trip, Instant acceptedAt) {
        return new SubmitTrip(
                SubmitTrip.SCHEMA_VERSION,
                UUID.randomUUID(),
                acceptedAt,
                trip,
                "client-a",
                "req-1",
                SampleEvents.fullRequest());
    }

    private static List<String> ids(List<TripsByClient.Entry> trips) {
        return trips.stream().map(TripsByClient.Entry::tripId).toList();
    }

    private static String json(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private TestInputTopic<String, Object> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new EventSerializer<>());
    }
}
