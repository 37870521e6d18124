package io.itinera.harness.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProcStatTests {

    @Test
    void readsUserPlusSystemTicksEvenWithSpacesAndParenthesesInTheName() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 90000 0 12 0 1234 567 0 0 20 0 40 0 9 0";

        assertThat(ProcStat.parseCpuTicks(stat)).isEqualTo(1234 + 567);
    }

    @Test
    void thisJvmHasSpentCpuAndAMissingProcessReportsMinusOne() {
        assertThat(ProcStat.cpuTicks(ProcessHandle.current().pid())).isPositive();
        assertThat(ProcStat.cpuTicks(Long.MAX_VALUE)).isEqualTo(-1);
    }

    @Test
    void aPidFileIsTrustedOnlyForTheMatchingCommandLine() {
        var gateway = SuiteProcesses.commandLineOf("api-gateway", Path.of("/repo"));
        var secondGateway = SuiteProcesses.commandLineOf("api-gateway-2", Path.of("/repo"));
        String first = "java -Xmx512m -jar /repo/api-gateway/target/api-gateway-0.1.0-SNAPSHOT-exec.jar"
                + " --spring.profiles.active=local";
        String second = first + " --server.port=8180 --management.server.port=9180";

        assertThat(gateway.test(first)).isTrue();
        assertThat(gateway.test(second)).isFalse();
        assertThat(secondGateway.test(second)).isTrue();
        assertThat(gateway.test("java -cp x org.junit.Runner api-gateway-exec.jar"))
                .isFalse();
    }

    @Test
    void aWorkersSecondReplicaIsToldFromTheFirstByItsPort() {
        var generation = SuiteProcesses.commandLineOf("api-generation", Path.of("/repo"));
        var secondGeneration = SuiteProcesses.commandLineOf("api-generation-2", Path.of("/repo"));
        String first = "java -Xmx512m -jar /repo/target/local/app/api-generation/api-generation-0.1.0-SNAPSHOT-exec.jar"
                + " --spring.profiles.active=local --itinera.kafka.instance-id=local-api-generation ";
        String second =
                "java -Xmx512m -jar /repo/target/local/app/api-generation/api-generation-0.1.0-SNAPSHOT-exec.jar"
                        + " --spring.profiles.active=local --itinera.kafka.instance-id=local-api-generation-2"
                        + " --server.port=8182 --management.server.port=9182 ";

        assertThat(generation.test(first)).isTrue();
        assertThat(generation.test(second)).isFalse();
        assertThat(secondGeneration.test(second)).isTrue();
        assertThat(secondGeneration.test(first)).isFalse();
        assertThat(SuiteProcesses.commandLineOf("api-enrichment-2", Path.of("/repo"))
                        .test(second))
                .isFalse();
    }
}
