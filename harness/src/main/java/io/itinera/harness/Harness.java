package io.itinera.harness;

import io.itinera.harness.bare.BareApplication;
import io.itinera.harness.chaos.ChaosOptions;
import io.itinera.harness.chaos.ChaosRun;
import io.itinera.harness.chaos.DeadReplicaTransaction;
import io.itinera.harness.load.LoadOptions;
import io.itinera.harness.load.LoadRun;
import io.itinera.harness.planner.PlannerOptions;
import io.itinera.harness.planner.PlannerRun;
import io.itinera.harness.serde.SerdeOptions;
import io.itinera.harness.serde.SerdeRun;
import java.util.Arrays;

/** {@code java -jar harness-exec.jar load|planner|serde|chaos|dead-transaction|bare [--option value ...]}; docs/performance.md has the commands. */
public final class Harness {

    private static final String USAGE = """
            usage: java -jar harness/target/harness-0.1.0-SNAPSHOT-exec.jar MODE [--option value ...]
              load     open-model load on a running ./run-local.sh: --rates 2,4,6 --warmup 10s --measure 30s
                       --follow sse|poll --slo 2s --past-knee 1 --url http://localhost:8080[,http://localhost:8180]
                       --out DIR --seed 1 --suite-dir . --bootstrap 127.0.0.1:9092
              planner  planner-only throughput: --threads N --trips 240 --warmup 15s --measure 30s --seed 1
              serde    the saga's reading of the workers' answers, CPU per read: --trips 60 --warmup 10s --measure 20s
              bare     the bare WebFlux endpoint: --port 8088 [--kafka 127.0.0.1:9092: issue 10's reference, each
                       request sent with acks=all before the answer]
              chaos    fault injection on a two-replica ./run-local.sh with ITINERA_ON_EXIT=restart: --trips 1000
                       --rate 10 --fault-at 0.3 --scenarios kill-generation,kill-enrichment,kill-gateway,
                       term-broker,kill-broker,rolling-restart,poison,lost-requests --drain 6m --out DIR
                       --suite-dir . --worker-replicas 2 (1: the suite runs one replica of each worker)
                       (exit status 1 when a scenario fails, strands, loses or duplicates a trip; also
                       replace-gateway: kill-gateway with the replica's state directory deleted)
              dead-transaction  a transaction left open as a killed saga replica leaves it, on a running suite;
                       prints how long until the gateway ends it: --bootstrap 127.0.0.1:9092
                       --application api-gateway --topic travel-trips.commands --wait 60s
                       (exit status 1 when it is still open after --wait)
            """;

    private Harness() {}

    public static void main(String[] arguments) throws Exception {
        if (arguments.length == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Args args = new Args(Arrays.asList(arguments).subList(1, arguments.length));
        switch (arguments[0]) {
            case "load" -> {
                new LoadRun(LoadOptions.from(args)).run();
                System.exit(0);
            }
            case "planner" -> {
                new PlannerRun(PlannerOptions.from(args)).run();
                System.exit(0);
            }
            case "serde" -> {
                new SerdeRun(SerdeOptions.from(args)).run();
                System.exit(0);
            }
            case "chaos" -> System.exit(new ChaosRun(ChaosOptions.from(args)).run() ? 0 : 1);
            case "dead-transaction" -> System.exit(DeadReplicaTransaction.check(args) ? 0 : 1);
            case "bare" -> {
                int port = args.integer("port", 8088);
                String kafka = args.string("kafka", "");
                args.requireAllUsed();
                BareApplication.start(port, kafka.isEmpty() ? null : kafka);
            }
            default -> {
                System.err.print(USAGE);
                System.exit(2);
            }
        }
    }
}
