package io.itinera.harness.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * Reads counters the way a broker registers them (the names of Kafka's request and topic metrics) from a real MBean
 * server: requests by kind, appended records, and what two samples say happened in between.
 */
class BrokerCountersTests {

    /** A Yammer meter as JMX shows it: its cumulative count. */
    public interface MeterMBean {
        long getCount();
    }

    static final class Meter implements MeterMBean {
        long count;

        @Override
        public long getCount() {
            return count;
        }
    }

    private final MBeanServer server = MBeanServerFactory.newMBeanServer();
    private final Meter endTxn =
            meter("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=EndTxn,version=5");
    private final Meter endTxnOlder =
            meter("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=EndTxn,version=4");
    private final Meter fetch = meter("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=Fetch,version=17");
    private final Meter fetchConsumer =
            meter("kafka.network:type=RequestMetrics,name=RequestsPerSec,request=FetchConsumer,version=17");
    private final Meter appended = meter("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec");
    private final Meter appendedToOneTopic =
            meter("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec,topic=travel-trips.state");

    @Test
    void countsRequestsByKindAcrossVersionsAndAppendedRecordsOfAllTopics() {
        BrokerCounters counters = new BrokerCounters(server, null);
        endTxn.count = 3;
        endTxnOlder.count = 1;
        fetch.count = 10;
        fetchConsumer.count = 10;
        appended.count = 100;
        appendedToOneTopic.count = 40;
        Map<String, Long> before = counters.sample();

        endTxn.count = 7;
        fetch.count = 16;
        fetchConsumer.count = 16;
        appended.count = 130;
        Map<String, Long> counted = BrokerCounters.between(before, counters.sample());

        assertThat(before).containsEntry("request:EndTxn", 4L).containsEntry(BrokerCounters.APPENDED, 100L);
        assertThat(BrokerCounters.requests(counted, "EndTxn")).isEqualTo(4);
        assertThat(BrokerCounters.requests(counted, "Fetch")).isEqualTo(6);
        assertThat(BrokerCounters.requests(counted))
                .as("FetchConsumer is Fetch counted again")
                .isEqualTo(10);
        assertThat(counted).containsEntry(BrokerCounters.APPENDED, 30L);
    }

    @Test
    void anUnreadSampleCountsNothing() {
        assertThat(BrokerCounters.between(Map.of(), Map.of("request:EndTxn", 5L)))
                .isEmpty();
        assertThat(BrokerCounters.between(Map.of("request:EndTxn", 5L), Map.of()))
                .isEmpty();
    }

    @Test
    void aProcessThatIsNotThereIsNotReadable() throws Exception {
        long noSuchProcess = ProcessHandle.current().pid() + 4_000_000;

        try (BrokerCounters counters = BrokerCounters.attach(noSuchProcess)) {
            assertThat(counters.sample()).isEmpty();
        }
    }

    private Meter meter(String name) {
        Meter meter = new Meter();
        try {
            server.registerMBean(meter, new ObjectName(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return meter;
    }
}
