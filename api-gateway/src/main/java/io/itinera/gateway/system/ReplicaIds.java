package io.itinera.gateway.system;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which saga replica (Kafka Streams process) a name belongs to. Streams names everything of a process after its
 * application id and process id: the exactly-once producer of stream thread n is the transactional id
 * {@code <application id>-<process id>-<n>}, and, with no {@code client.id} set, the thread is
 * {@code <application id>-<process id>-StreamThread-<n>} and its group member's client id that plus
 * {@code -consumer}.
 */
final class ReplicaIds {

    private static final String PROCESS = "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})";

    private final Pattern transactionalId;
    private final Pattern thread;

    ReplicaIds(String applicationId) {
        String application = Pattern.quote(applicationId);
        this.transactionalId = Pattern.compile(application + "-" + PROCESS + "-\\d+");
        this.thread = Pattern.compile(application + "-" + PROCESS + "-StreamThread-\\d+(?:-consumer)?");
    }

    /** The process whose stream thread's exactly-once producer this transactional id is. */
    Optional<String> ofTransaction(String id) {
        return processIn(transactionalId.matcher(id));
    }

    /** The process a stream thread's name, or its group member's client id, belongs to. */
    Optional<String> ofThread(String name) {
        return processIn(thread.matcher(name));
    }

    private static Optional<String> processIn(Matcher matcher) {
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
