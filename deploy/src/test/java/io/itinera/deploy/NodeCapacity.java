package io.itinera.deploy;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The node of deploy/capacity.yaml and its allocatable: capacity minus the kubelet reservations the host playbook
 * configures (deploy/host/group_vars/all.yml).
 */
record NodeCapacity(String name, long cpu, long memory, long cpuReserved, long memoryReserved) {

    static NodeCapacity load() {
        Map<String, Object> node = Yaml.asMap(
                Yaml.document(Repository.DEPLOY.resolve("capacity.yaml")).get("node"));
        Map<String, Object> host = Yaml.document(Repository.DEPLOY.resolve("host/group_vars/all.yml"));
        Map<String, String> system = pairs(host.get("k3s_system_reserved"), "=");
        Map<String, String> kube = pairs(host.get("k3s_kube_reserved"), "=");
        Map<String, String> eviction = pairs(host.get("k3s_eviction_hard"), "<");
        return new NodeCapacity(
                String.valueOf(node.get("name")),
                Resources.cpu(node.get("cpu")),
                Resources.memory(node.get("memory")),
                Resources.cpu(system.get("cpu")) + Resources.cpu(kube.get("cpu")),
                Resources.memory(system.get("memory"))
                        + Resources.memory(kube.get("memory"))
                        + Resources.memory(eviction.get("memory.available")));
    }

    /** {@code cpu=250m,memory=512Mi} as a map. */
    private static Map<String, String> pairs(Object value, String separator) {
        return Arrays.stream(String.valueOf(value).split(","))
                .map(pair -> pair.split(separator, 2))
                .collect(Collectors.toMap(pair -> pair[0].trim(), pair -> pair[1].trim()));
    }

    long allocatableCpu() {
        return cpu - cpuReserved;
    }

    long allocatableMemory() {
        return memory - memoryReserved;
    }
}
