package io.itinera.enrichment.provider;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provider calls that stay in flight until the test releases them: each one's answer arrives, then its parser waits,
 * so the call keeps its bulkhead permit for exactly as long as the test wants, without timing assumptions.
 */
public final class HeldCalls implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger parsing = new AtomicInteger();
    private final List<Future<ProviderResult<String>>> calls = new ArrayList<>();

    /** Calls {@code uri}, which must answer with JSON, and returns once the call is held inside the provider. */
    public void hold(Provider provider, URI uri) {
        int held = calls.size() + 1;
        calls.add(threads.submit(() -> provider.get(uri, body -> {
            parsing.incrementAndGet();
            awaitRelease();
            return "released";
        })));
        await().atMost(LIMIT).until(() -> parsing.get() == held);
    }

    /** Lets every held call finish and returns what each gave. */
    public List<ProviderResult<String>> release() throws InterruptedException, ExecutionException, TimeoutException {
        release.countDown();
        List<ProviderResult<String>> results = new ArrayList<>();
        for (Future<ProviderResult<String>> call : calls) {
            results.add(call.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS));
        }
        return results;
    }

    @Override
    public void close() {
        release.countDown();
        threads.shutdownNow();
    }

    private void awaitRelease() {
        try {
            if (!release.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("a held call was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
