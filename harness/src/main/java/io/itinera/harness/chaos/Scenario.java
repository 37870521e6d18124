package io.itinera.harness.chaos;

import java.util.Arrays;
import java.util.List;

/**
 * One fault per scenario, struck while the burst is running. A fault is a list of steps, each a signal to one of
 * {@code run-local.sh}'s processes (which restarts it with {@code ITINERA_ON_EXIT=restart}), taken one after the other
 * with the process back and ready in between; {@link #POISON} sends bad records instead, and {@link #LOST_REQUESTS}
 * drops requests the saga had committed ({@link LostRequests}). A worker's kill strikes its
 * first replica, whether or not a second one runs beside it.
 */
public enum Scenario {
    KILL_GENERATION(
            "kill-generation",
            "kill -9 api-generation, the first of its replicas",
            List.of(Step.kill("api-generation"))),
    KILL_ENRICHMENT(
            "kill-enrichment",
            "kill -9 api-enrichment, the first of its replicas",
            List.of(Step.kill("api-enrichment"))),
    KILL_GATEWAY("kill-gateway", "kill -9 one of two gateway replicas", List.of(Step.kill("api-gateway-2"))),
    REPLACE_GATEWAY(
            "replace-gateway",
            "kill -9 one of two gateway replicas, back as a new Streams process (state directory deleted, as a replaced"
                    + " pod's)",
            List.of(Step.replace("api-gateway-2"))),
    TERM_BROKER("term-broker", "broker SIGTERM, restarted", List.of(Step.term("kafka"))),
    KILL_BROKER("kill-broker", "broker kill -9, restarted", List.of(Step.kill("kafka"))),
    ROLLING_RESTART(
            "rolling-restart",
            "SIGTERM every service process in turn, each back and ready before the next",
            List.of(
                    Step.term("api-enrichment"),
                    Step.term("api-enrichment-2"),
                    Step.term("api-generation"),
                    Step.term("api-generation-2"),
                    Step.term("api-gateway-2"),
                    Step.term("api-gateway"))),
    POISON("poison", "unparseable and well-formed-but-wrong records on every input topic", List.of()),
    LOST_REQUESTS(
            "lost-requests",
            "enrichment requests dropped after their transaction committed (workers paused 3 s, topic truncated)",
            List.of());

    /**
     * A signal to one process: SIGKILL when {@code force}, else SIGTERM; {@code withoutState}: its Kafka Streams state
     * directory is deleted first, so that it comes back as another Streams process (new process id, new transactional
     * ids), as a pod replaced with a new {@code emptyDir} does, instead of fencing its predecessor itself.
     */
    public record Step(String process, boolean force, boolean withoutState) {

        public Step(String process, boolean force) {
            this(process, force, false);
        }

        static Step kill(String process) {
            return new Step(process, true);
        }

        static Step replace(String process) {
            return new Step(process, true, true);
        }

        static Step term(String process) {
            return new Step(process, false);
        }

        /**
         * The consumer groups that may stop while this process is away: the broker stops every one; a service's
         * replica, its service's group (named after the service, whichever replica it is).
         */
        List<String> groups() {
            return process.equals("kafka")
                    ? List.of("api-enrichment", "api-generation", "api-gateway")
                    : List.of(process.replaceFirst("-2$", ""));
        }

        @Override
        public String toString() {
            return (force ? "kill -9 " : "SIGTERM ") + process + (withoutState ? " (state directory deleted)" : "");
        }
    }

    private final String id;
    private final String description;
    private final List<Step> steps;

    Scenario(String id, String description, List<Step> steps) {
        this.id = id;
        this.description = description;
        this.steps = steps;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The steps whose process the suite runs (a suite with one replica per worker has no {@code *-2} workers). */
    List<Step> steps(List<String> processes) {
        return steps.stream().filter(step -> processes.contains(step.process())).toList();
    }

    static Scenario of(String id) {
        return Arrays.stream(values())
                .filter(scenario -> scenario.id.equals(id.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; known: "
                        + Arrays.stream(values()).map(Scenario::id).toList()));
    }
}
