package io.itinera.harness.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * The trip API as a client uses it, asynchronously: POST a trip, follow it to a terminal status (its Server-Sent
 * Events by default, or polling), then GET it once. Errors are counted by kind ({@code post:429},
 * {@code follow:io:HttpTimeoutException}, ...), never thrown. How far it retries a POST is its {@link Retries}.
 */
public final class TripClient {

    static final Set<String> TERMINAL = Set.of("READY", "FAILED", "CANCELLED");
    private static final String TRIPS = "/api/v1/trips";
    private static final Duration RETRY_DELAY = Duration.ofMillis(500);
    private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);
    private static final String IN_FLIGHT = "/problems/idempotency-request-in-flight";
    /** Failures before any answer that sent nothing: always safe to send again. */
    private static final Set<String> NOT_SENT = Set.of("ConnectException", "HttpConnectTimeoutException");
    /** A connection that broke before the answer (the replica died): the POST may have been handled. */
    private static final Set<String> BROKEN = Set.of("ClosedChannelException", "EOFException", "SocketException");

    public enum Follow {
        SSE,
        POLL
    }

    /** What a POST is sent again after. */
    public enum Retries {
        /** No {@code Idempotency-Key}: only a POST that sent nothing (connection refused) is sent again. */
        UNKEYED,
        /**
         * Every POST carries an {@code Idempotency-Key} of its own, so that a POST whose connection broke is sent again
         * to the next replica, and a {@code 409 idempotency-request-in-flight} is asked again, without making a second
         * trip.
         */
        KEYED,
        /**
         * As {@link #KEYED}, and a {@code 503} is asked again after its {@code Retry-After} at the next replica with
         * the same key, as the API reference tells clients to (while the POST's timeout allows).
         */
        KEYED_AND_REFUSALS
    }

    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final AtomicReferenceArray<URI> bases;
    private final AtomicLong nextBase = new AtomicLong();
    private final String authorization;
    private final Follow follow;
    private final Duration pollInterval;
    private final Duration followTimeout;
    private final Retries retries;
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

    /**
     * @param timer runs the follow-ups that wait (retries, polls)
     * @param retries with a key the saga's verdict is waited for, which the accept path's own measurements must not
     *     include
     */
    public TripClient(
            HttpClient http,
            ScheduledExecutorService timer,
            List<URI> bases,
            String apiKey,
            Follow follow,
            Duration pollInterval,
            Duration followTimeout,
            Retries retries) {
        this.http = http;
        this.timer = timer;
        this.bases = new AtomicReferenceArray<>(bases.toArray(URI[]::new));
        this.authorization = "Bearer " + apiKey;
        this.follow = follow;
        this.pollInterval = pollInterval;
        this.followTimeout = followTimeout;
        this.retries = retries;
    }

    public Map<String, AtomicLong> errors() {
        return errors;
    }

    /** Sends the trip's POST now; everything after happens on the client's threads. */
    public void start(TripRun run, String body) {
        run.sentNanos = System.nanoTime();
        String key = retries == Retries.UNKEYED ? null : UUID.randomUUID().toString();
        post(run, body, key, nextBase(), bases.length() - 1);
    }

    /**
     * A POST that got no answer is sent again to the next replica, as a load balancer would, up to
     * {@code otherReplicas} times: a refused connection always (nothing was sent), a connection that broke (the
     * replica died with the POST in hand) only with a key, since the dead replica may have sent the trip's command and
     * only the same key makes the retry name the same trip. Such a POST counts as an error only when its retry fails
     * too. With a key, {@code 409 idempotency-request-in-flight} (the saga's verdict not visible yet, e.g. while its
     * tasks move to another replica) is asked again after its {@code Retry-After}, as long as the POST's timeout; with
     * {@link Retries#KEYED_AND_REFUSALS} a {@code 503} is too, at the next replica.
     */
    private void post(TripRun run, String body, @Nullable String key, URI base, int otherReplicas) {
        HttpRequest.Builder post = HttpRequest.newBuilder(base.resolve(TRIPS))
                .timeout(POST_TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            post.header("Idempotency-Key", key);
        }
        http.sendAsync(post.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            run.postAnsweredNanos = System.nanoTime();
            if (failure != null && otherReplicas > 0 && safeToResend(rootCause(failure), key != null)) {
                count("post:retried-after:" + rootCause(failure));
                post(run, body, key, after(base), otherReplicas - 1);
                return;
            }
            if (failure != null) {
                fail(run, "post:io:" + rootCause(failure));
                return;
            }
            run.postStatus = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() != 202 || location == null) {
                String type = JsonFields.topLevel(response.body(), "type");
                if (key != null
                        && response.statusCode() == 409
                        && IN_FLIGHT.equals(type)
                        && System.nanoTime() - run.sentNanos < POST_TIMEOUT.toNanos()) {
                    count("post:409-asked-again");
                    later(() -> post(run, body, key, base, otherReplicas), retryAfter(response));
                    return;
                }
                String answer = "post:" + response.statusCode() + (type == null ? "" : " " + type);
                Duration wait = retryAfter(response);
                if (retries == Retries.KEYED_AND_REFUSALS
                        && response.statusCode() == 503
                        && System.nanoTime() - run.sentNanos + wait.toNanos() < POST_TIMEOUT.toNanos()) {
                    if (run.firstRefusal == null) {
                        run.firstRefusal = answer;
                    }
                    count("post:503-asked-again");
                    later(() -> post(run, body, key, after(base), bases.length() - 1), wait);
                    return;
                }
                fail(run, answer);
                return;
            }
            run.id = location.substring(location.lastIndexOf('/') + 1);
            follow(run, base);
        });
    }

    /** Round-robin over the replicas; a follow that lost its replica (it died) goes on with the next one. */
    private URI nextBase() {
        return bases.get((int) (nextBase.getAndIncrement() % bases.length()));
    }

    /** The replica after {@code base}: a retry must not go back to the one that just failed. */
    private URI after(URI base) {
        for (int i = 0; i < bases.length(); i++) {
            if (bases.get(i).equals(base)) {
                return bases.get((i + 1) % bases.length());
            }
        }
        return nextBase();
    }

    static boolean safeToResend(String rootCause, boolean withKey) {
        return NOT_SENT.contains(rootCause) || (withKey && BROKEN.contains(rootCause));
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        try {
            return Duration.ofSeconds(Math.max(
                    1,
                    Long.parseLong(response.headers()
                            .firstValue("Retry-After")
                            .orElse("1")
                            .trim())));
        } catch (NumberFormatException notSeconds) {
            return Duration.ofSeconds(1);
        }
    }

    private void follow(TripRun run, URI base) {
        if (System.nanoTime() - run.postAnsweredNanos > followTimeout.toNanos()) {
            fail(run, "follow:timeout");
        } else if (follow == Follow.SSE) {
            stream(run, base);
        } else {
            poll(run, base);
        }
    }

    private void stream(TripRun run, URI base) {
        HttpRequest events = HttpRequest.newBuilder(base.resolve(TRIPS + "/" + run.id + "/events"))
                .header("Authorization", authorization)
                .header("Accept", "text/event-stream")
                .build();
        SseStatusReader reader = new SseStatusReader(status -> {
            if (TERMINAL.contains(status) && run.terminalStatus == null) {
                run.terminalNanos = System.nanoTime();
                run.terminalStatus = status;
                fetchFinal(run, base); // at once: the stream's end is not the trip's
            }
        });
        http.sendAsync(
                        events,
                        info -> info.statusCode() == 200
                                ? BodySubscribers.fromLineSubscriber(reader)
                                : BodySubscribers.replacing(null))
                .whenComplete((response, failure) -> {
                    if (run.terminalStatus != null) {
                        return;
                    }
                    // Not visible yet (404 while the saga catches up), a dropped stream or an error: follow again.
                    count(failure != null ? "follow:io:" + rootCause(failure) : "follow:" + response.statusCode());
                    URI next = failure != null ? nextBase() : base;
                    later(() -> follow(run, next), RETRY_DELAY);
                });
    }

    private void poll(TripRun run, URI base) {
        http.sendAsync(get(base, run), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            String status = failure == null && response.statusCode() == 200
                    ? JsonFields.topLevel(response.body(), "status")
                    : null;
            if (status != null && TERMINAL.contains(status)) {
                run.terminalNanos = System.nanoTime();
                run.terminalStatus = status;
                run.failureType = failureType(status, response.body());
                finish(run, response.statusCode(), status);
                return;
            }
            if (failure != null || (response.statusCode() != 200 && response.statusCode() != 404)) {
                count(failure != null ? "follow:io:" + rootCause(failure) : "follow:" + response.statusCode());
            }
            URI next = failure != null ? nextBase() : base;
            later(() -> follow(run, next), pollInterval);
        });
    }

    /** The one GET of the finished trip: the status it reports must be the one the stream ended with. */
    private void fetchFinal(TripRun run, URI base) {
        http.sendAsync(get(base, run), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure != null) {
                count("final:io:" + rootCause(failure));
                finish(run, 0, null);
                return;
            }
            String status = JsonFields.topLevel(response.body(), "status");
            run.failureType = failureType(status, response.body());
            if (response.statusCode() != 200) {
                count("final:" + response.statusCode());
            } else if (!Objects.equals(run.terminalStatus, status)) {
                count("final:status-" + status + "-after-" + run.terminalStatus);
            }
            finish(run, response.statusCode(), status);
        });
    }

    /**
     * Only a {@code FAILED} trip has an {@code error}: looking for it in a {@code READY} trip's view would tokenize the
     * whole itinerary, 0.25 ms of the harness's 3.3 ms a trip, on the cores it shares with the suite it measures.
     */
    private static @Nullable String failureType(@Nullable String status, String view) {
        return "FAILED".equals(status) ? JsonFields.errorType(view) : null;
    }

    private HttpRequest get(URI base, TripRun run) {
        return HttpRequest.newBuilder(base.resolve(TRIPS + "/" + run.id))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .build();
    }

    private void finish(TripRun run, int code, @Nullable String status) {
        run.finalStatusCode = code;
        run.finalStatus = status;
        run.done = true;
    }

    private void fail(TripRun run, String kind) {
        count(kind);
        run.error = kind;
        run.done = true;
    }

    private void count(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void later(Runnable task, Duration delay) {
        timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }
}
