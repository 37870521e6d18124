package io.itinera.gateway.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.assignment.ApplicationState;
import org.apache.kafka.streams.processor.assignment.AssignmentConfigs;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsAssignment;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsAssignment.AssignedTask;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsState;
import org.apache.kafka.streams.processor.assignment.ProcessId;
import org.apache.kafka.streams.processor.assignment.TaskInfo;
import org.apache.kafka.streams.processor.internals.assignment.DefaultKafkaStreamsState;
import org.apache.kafka.streams.processor.internals.assignment.DefaultTaskInfo;
import org.apache.kafka.streams.processor.internals.assignment.DefaultTaskTopicPartition;
import org.junit.jupiter.api.Test;

class StickyActiveTasksTests {

    private static final ProcessId KEPT = new ProcessId(new UUID(0, 1));
    private static final ProcessId RETURNING = new ProcessId(new UUID(0, 2));
    private static final TaskId TRIPS_0 = new TaskId(0, 0);
    private static final TaskId TRIPS_1 = new TaskId(0, 1);
    private static final TaskId PROPOSALS_0 = new TaskId(2, 0);
    private static final TaskId PROPOSALS_1 = new TaskId(2, 1);
    private static final List<TaskId> TASKS = List.of(TRIPS_0, TRIPS_1, PROPOSALS_0, PROPOSALS_1);

    @Test
    void aReplicaThatJoinsGetsStandbysAndNoTaskTheOtherReplicaRuns() {
        // given one replica running every task, and one coming back with empty stores, caught up on the idle tasks
        KafkaStreamsState kept = replica(KEPT, Set.copyOf(TASKS), Set.of(), Map.of());
        KafkaStreamsState returning = replica(
                RETURNING, Set.of(), Set.of(), Map.of(TRIPS_0, 500L, TRIPS_1, 480L, PROPOSALS_0, 0L, PROPOSALS_1, 0L));

        // when
        Map<ProcessId, KafkaStreamsAssignment> assignment = assign(kept, returning);

        // then
        assertThat(tasks(assignment, KEPT, AssignedTask.Type.ACTIVE)).containsExactlyInAnyOrderElementsOf(TASKS);
        assertThat(tasks(assignment, RETURNING, AssignedTask.Type.ACTIVE)).isEmpty();
        assertThat(tasks(assignment, RETURNING, AssignedTask.Type.STANDBY)).containsExactlyInAnyOrderElementsOf(TASKS);
    }

    @Test
    void theTasksOfAReplicaThatLeftGoToTheOneWithTheirStandbyCopy() {
        // given the replica left that ran TRIPS_1 and PROPOSALS_1, whose standbys the other one kept
        KafkaStreamsState other = replica(
                KEPT, Set.of(TRIPS_0, PROPOSALS_0), Set.of(TRIPS_1, PROPOSALS_1), Map.of(TRIPS_1, 3L, PROPOSALS_1, 0L));
        KafkaStreamsState newcomer = replica(
                RETURNING, Set.of(), Set.of(), Map.of(TRIPS_0, 900L, TRIPS_1, 800L, PROPOSALS_0, 0L, PROPOSALS_1, 0L));

        // when
        Map<ProcessId, KafkaStreamsAssignment> assignment = assign(other, newcomer);

        // then the one with the copy takes TRIPS_1; the idle PROPOSALS_1, caught up on both, goes to the one with
        // fewer active tasks
        assertThat(tasks(assignment, KEPT, AssignedTask.Type.ACTIVE))
                .containsExactlyInAnyOrder(TRIPS_0, TRIPS_1, PROPOSALS_0);
        assertThat(tasks(assignment, RETURNING, AssignedTask.Type.ACTIVE)).containsExactly(PROPOSALS_1);
    }

    @Test
    void aNewApplicationSpreadsItsTasks() {
        KafkaStreamsState first = replica(KEPT, Set.of(), Set.of(), Map.of());
        KafkaStreamsState second = replica(RETURNING, Set.of(), Set.of(), Map.of());

        Map<ProcessId, KafkaStreamsAssignment> assignment = assign(first, second);

        assertThat(tasks(assignment, KEPT, AssignedTask.Type.ACTIVE)).hasSize(2);
        assertThat(tasks(assignment, RETURNING, AssignedTask.Type.ACTIVE)).hasSize(2);
    }

    private static Map<ProcessId, KafkaStreamsAssignment> assign(KafkaStreamsState... replicas) {
        Map<ProcessId, KafkaStreamsState> states = new HashMap<>();
        for (KafkaStreamsState replica : replicas) {
            states.put(replica.processId(), replica);
        }
        Map<TaskId, TaskInfo> tasks = new TreeMap<>();
        TASKS.forEach(task -> tasks.put(
                task,
                new DefaultTaskInfo(
                        task,
                        true,
                        Set.of("store"),
                        Set.of(new DefaultTaskTopicPartition(
                                new TopicPartition("store-changelog", task.partition()), false, true, () -> {})))));
        AssignmentConfigs configs = new AssignmentConfigs(
                0L,
                2,
                1,
                600_000L,
                List.of(),
                OptionalInt.empty(),
                OptionalInt.empty(),
                StreamsConfig.RACK_AWARE_ASSIGNMENT_STRATEGY_NONE);
        ApplicationState application = new ApplicationState() {
            @Override
            public Map<ProcessId, KafkaStreamsState> kafkaStreamsStates(boolean computeTaskLags) {
                return states;
            }

            @Override
            public AssignmentConfigs assignmentConfigs() {
                return configs;
            }

            @Override
            public Map<TaskId, TaskInfo> allTasks() {
                return tasks;
            }
        };
        return new StickyActiveTasks()
                .assign(application).assignment().stream()
                        .collect(Collectors.toMap(KafkaStreamsAssignment::processId, assignment -> assignment));
    }

    /** A replica's report; a task it reports no lag for lags without end (no copy at all). */
    private static KafkaStreamsState replica(
            ProcessId id, Set<TaskId> active, Set<TaskId> standby, Map<TaskId, Long> lags) {
        Map<TaskId, Long> lagSums = new HashMap<>();
        TASKS.forEach(task -> lagSums.put(task, active.contains(task) ? 0L : lags.getOrDefault(task, 10_000L)));
        return new DefaultKafkaStreamsState(
                id,
                1,
                Map.of(),
                new TreeSet<>(active),
                new TreeSet<>(standby),
                new TreeMap<>(),
                Optional.empty(),
                Optional.of(lagSums),
                Optional.empty());
    }

    private static SortedSet<TaskId> tasks(
            Map<ProcessId, KafkaStreamsAssignment> assignment, ProcessId replica, AssignedTask.Type type) {
        return assignment.get(replica).tasks().values().stream()
                .filter(task -> task.type() == type)
                .map(AssignedTask::id)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
