package io.itinera.gateway.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionPropertiesTests {

    @Test
    void theBacklogMayHoldTheTargetLessTheTimeATripSpendsOutsideIt() {
        AdmissionProperties admission =
                new AdmissionProperties(true, Duration.ofSeconds(60), 1.0, Duration.ofMillis(5_500));

        assertThat(admission.allowedBacklogSeconds()).isEqualTo(54.5);
    }

    @Test
    void aMarginBeyondTheTargetLeavesNoRoomRatherThanANegativeOne() {
        AdmissionProperties admission =
                new AdmissionProperties(true, Duration.ofSeconds(2), 1.0, Duration.ofSeconds(5));

        assertThat(admission.allowedBacklogSeconds()).isZero();
    }
}
