package io.itinera.gateway.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends generated requests a few at a time and collects every broken rule, with the seed that replays it. */
public final class ApiFuzzer {

    /** What a run found: each broken rule, and how many requests each operation and status got. */
    public record Findings(
            List<String> violations, Map<String, Integer> perOperation, Map<Integer, Integer> perStatus) {}

    private static final long PER_REQUEST_SECONDS = 40;

    private final HostileRequests requests;
    private final ApiProbe probe;

    public ApiFuzzer(HostileRequests requests, ApiProbe probe) {
        this.requests = requests;
        this.probe = probe;
    }

    public Findings run(List<Long> seeds, int parallel) throws InterruptedException {
        List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> perOperation = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> perStatus = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (long seed : seeds) {
                sent.add(pool.submit(() -> {
                    HostileRequest request = requests.generate(seed);
                    try {
                        ApiProbe.Answer answer = probe.send(request);
                        perOperation
                                .computeIfAbsent(request.operation().operationId(), k -> new AtomicInteger())
                                .incrementAndGet();
                        perStatus
                                .computeIfAbsent(answer.status(), k -> new AtomicInteger())
                                .incrementAndGet();
                        violations.addAll(ApiProbe.violations(request, answer));
                    } catch (RuntimeException failed) {
                        violations.add("no answer: " + failed.getMessage() + " <- " + request);
                    }
                }));
            }
            for (int i = 0; i < sent.size(); i++) {
                try {
                    sent.get(i).get(PER_REQUEST_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    violations.add(
                            "no answer within " + PER_REQUEST_SECONDS + " s: " + requests.generate(seeds.get(i)));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Findings(List.copyOf(violations), counts(perOperation), counts(perStatus));
    }

    private static <K> Map<K, Integer> counts(Map<K, AtomicInteger> counters) {
        Map<K, Integer> counts = new TreeMap<>();
        counters.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }
}
