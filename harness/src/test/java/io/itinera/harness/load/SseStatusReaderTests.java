package io.itinera.harness.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseStatusReaderTests {

    @Test
    void reportsTheStatusOfStatusEventsOnly() {
        List<String> statuses = new ArrayList<>();
        SseStatusReader reader = new SseStatusReader(statuses::add);

        for (String line : List.of(
                "id:1",
                "event:status",
                "data:{\"sequence\":1,\"stage\":\"trip\",\"status\":\"PENDING\",\"message\":\"status: READY\"}",
                "",
                ":keep-alive",
                "id:2",
                "event:progress",
                "data:{\"sequence\":2,\"stage\":\"enrichment\",\"status\":\"ENRICHING\",\"percent\":30}",
                "",
                "id:3",
                "event: status",
                "data: {\"sequence\":3,\"progress\":{\"status\":\"X\"},\"status\":\"READY\"}",
                "")) {
            reader.onNext(line);
        }

        assertThat(statuses).containsExactly("PENDING", "READY");
    }
}
