package io.itinera.events.kafka;

import org.springframework.context.SmartLifecycle;

/**
 * Work a service does once while its context starts, in a lifecycle phase of its own, so that it is done before
 * whatever starts in a later phase (the listener containers, the web server) and never again on a restart of the
 * phase. Nothing to undo on stop.
 */
public abstract class StartupStep implements SmartLifecycle {

    private final int phase;
    private volatile boolean running;

    protected StartupStep(int phase) {
        this.phase = phase;
    }

    /** The step itself; it runs on the thread that starts the context, which waits for it. */
    protected abstract void run();

    @Override
    public final void start() {
        running = true;
        run();
    }

    @Override
    public final void stop() {
        running = false;
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}
