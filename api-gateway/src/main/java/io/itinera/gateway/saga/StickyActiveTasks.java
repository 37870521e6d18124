package io.itinera.gateway.saga;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.assignment.ApplicationState;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsAssignment;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsAssignment.AssignedTask;
import org.apache.kafka.streams.processor.assignment.KafkaStreamsState;
import org.apache.kafka.streams.processor.assignment.ProcessId;
import org.apache.kafka.streams.processor.assignment.TaskAssignmentUtils;
import org.apache.kafka.streams.processor.assignment.TaskAssignor;

/**
 * The sagas' task assignor ({@code task.assignor.class}): an active task stays on the replica that ran it for as long
 * as that replica is in the group. A replica that joins (a restart, a scale-up) gets standbys, and the tasks of
 * replicas that left, never a running task: Kafka Streams' default assignor moves caught-up tasks (the idle proposal
 * saga's) to it for balance, and the immediate follow-up rebalance that revokes them stops every commit of the
 * replica that kept working until the newcomer, still warming up, rejoins (issue 11: 2.6 s at load 23). A task with
 * no live owner goes to the replica whose copy lags least (its standby), then to the one with fewest active tasks.
 */
public final class StickyActiveTasks implements TaskAssignor {

    @Override
    public TaskAssignment assign(ApplicationState application) {
        Map<ProcessId, KafkaStreamsState> replicas = application.kafkaStreamsStates(true);
        Map<ProcessId, KafkaStreamsAssignment> assignments = new HashMap<>();
        Map<ProcessId, Integer> actives = new HashMap<>();
        replicas.keySet().forEach(replica -> {
            assignments.put(replica, KafkaStreamsAssignment.of(replica, new HashSet<>()));
            actives.put(replica, 0);
        });
        new TreeMap<>(application.allTasks()).forEach((task, info) -> {
            ProcessId owner = previousOwner(replicas, task)
                    .orElseGet(() -> replicas.values().stream()
                            .min(Comparator.<KafkaStreamsState>comparingLong(
                                            replica -> info.isStateful() ? lag(replica, task) : 0)
                                    .thenComparing(replica -> actives.getOrDefault(replica.processId(), 0))
                                    .thenComparing(KafkaStreamsState::processId))
                            .orElseThrow()
                            .processId());
            Objects.requireNonNull(assignments.get(owner)).assignTask(new AssignedTask(task, AssignedTask.Type.ACTIVE));
            actives.merge(owner, 1, Integer::sum);
        });
        TaskAssignmentUtils.defaultStandbyTaskAssignment(application, assignments);
        return new TaskAssignment(assignments.values());
    }

    private static Optional<ProcessId> previousOwner(Map<ProcessId, KafkaStreamsState> replicas, TaskId task) {
        return replicas.values().stream()
                .filter(replica -> replica.previousActiveTasks().contains(task))
                .map(KafkaStreamsState::processId)
                .sorted()
                .findFirst();
    }

    private static long lag(KafkaStreamsState replica, TaskId task) {
        return replica.statefulTasksToLagSums().getOrDefault(task, Long.MAX_VALUE);
    }
}
