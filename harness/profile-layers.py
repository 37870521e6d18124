#!/usr/bin/env python3
"""Reads a JFR recording's execution samples and prints where a process's CPU went, by thread and by layer.

    python3 harness/profile-layers.py target/harness/accept-gateway.jfr [--top 25]

Two views. "self": each sample once, for the layer of its innermost frame that is not the JDK's (what the layer's own
code costs; Reactor's operators are a layer of their own). "inclusive": a sample counts once for every layer with a
frame on its stack, so the shares add up to more than 100 % (in reactive code a stack shows who emitted a signal, not
who built the pipeline, so read it with care). "top frames": the innermost non-JDK class, each sample once. Record with
-XX:FlightRecorderOptions:stackdepth=512 (the default 64 frames cut reactive stacks short: the outer layers, the
security chain among them, would then be under-counted).
"""
import collections
import json
import subprocess
import sys

# (layer, test on a frame "package.Class.method"), first match wins per frame; the order matters only for frames
# that two tests would match.
LAYERS = [
    ("ours: admission", lambda f: f.startswith(("io.itinera.gateway.trip.AdmissionFilter", "io.itinera.gateway.trip.TripAdmission", "io.itinera.gateway.trip.AcceptedTrips"))),
    ("ours: idempotency", lambda f: f.startswith("io.itinera.gateway.state.Idempotency")),
    ("ours: destination check", lambda f: f.startswith("io.itinera.gateway.destination.")),
    ("ours: command serialisation", lambda f: f.startswith("io.itinera.events.serde.")),
    ("ours: saga (fold, processors)", lambda f: f.startswith("io.itinera.gateway.saga.")),
    ("ours: controller and submission", lambda f: f.startswith(("io.itinera.gateway.trip.TripController", "io.itinera.gateway.trip.TripSubmissions", "io.itinera.gateway.trip.TripRules", "io.itinera.gateway.trip.TripRequestBody"))),
    ("ours: Kafka send (SagaCommands, publisher)", lambda f: f.startswith(("io.itinera.gateway.state.SagaCommands", "io.itinera.events.kafka.KafkaEventPublisher"))),
    ("ours: request filters (id, body limit)", lambda f: f.startswith(("io.itinera.gateway.system.RequestIdFilter", "io.itinera.gateway.system.RequestBodyLimitFilter"))),
    ("ours: KeepAliveReads (a Netty handler: on every read's stack)", lambda f: f.startswith("io.itinera.gateway.system.KeepAliveReads")),
    ("ours: other", lambda f: f.startswith("io.itinera.")),
    ("Spring Security: firewall", lambda f: f.startswith("org.springframework.security.web.server.firewall")),
    ("Spring Security", lambda f: f.startswith("org.springframework.security")),
    ("Bean Validation (Hibernate Validator)", lambda f: f.startswith(("org.hibernate.validator", "jakarta.validation", "org.springframework.validation"))),
    ("Jackson", lambda f: f.startswith(("tools.jackson", "com.fasterxml.jackson"))),
    ("Micrometer observation and metrics", lambda f: f.startswith(("io.micrometer.observation", "io.micrometer.core", "org.springframework.web.filter.reactive.ServerHttpObservationFilter", "org.springframework.http.server.reactive.observation"))),
    ("tracing (Micrometer Tracing, OpenTelemetry)", lambda f: f.startswith(("io.micrometer.tracing", "io.opentelemetry"))),
    ("Prometheus client", lambda f: f.startswith("io.prometheus")),
    ("context propagation", lambda f: f.startswith("io.micrometer.context")),
    ("Kafka producer", lambda f: f.startswith("org.apache.kafka.clients.producer")),
    ("Kafka Streams", lambda f: f.startswith("org.apache.kafka.streams")),
    ("Kafka clients (other)", lambda f: f.startswith("org.apache.kafka")),
    ("RocksDB", lambda f: f.startswith("org.rocksdb")),
    ("Spring Cloud Gateway", lambda f: f.startswith("org.springframework.cloud.gateway")),
    ("Spring Cloud (other)", lambda f: f.startswith("org.springframework.cloud")),
    ("Spring WebFlux handler method", lambda f: f.startswith(("org.springframework.web.reactive.result.method", "org.springframework.web.method"))),
    ("Spring WebFlux (other)", lambda f: f.startswith(("org.springframework.web", "org.springframework.http"))),
    ("Spring (other)", lambda f: f.startswith("org.springframework")),
    ("Reactor Netty", lambda f: f.startswith("reactor.netty")),
    ("Reactor core", lambda f: f.startswith("reactor.")),
    ("Netty", lambda f: f.startswith("io.netty")),
    ("logging", lambda f: f.startswith(("ch.qos.logback", "org.slf4j", "org.apache.logging"))),
    ("JDK", lambda f: f.startswith(("java.", "javax.", "jdk.", "sun."))),
]


def thread_group(name):
    if name.startswith("reactor-http-"):
        return "HTTP event loops"
    if name.startswith("kafka-producer-network-thread"):
        return "producer network thread"
    if "GlobalStreamThread" in name:
        return "read model (global stream thread)"
    if "StreamThread" in name:
        return "saga (stream thread)"
    if name.startswith("boundedElastic"):
        return "bounded elastic"
    return "other"


def frame_name(frame):
    method = frame["method"]
    return method["type"]["name"].replace("/", ".") + "." + method["name"]


def layer_of(name):
    for layer, test in LAYERS:
        if test(name):
            return layer
    return "other"


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 25
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "512", "--events", "jdk.ExecutionSample", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(raw)["recording"]["events"]
    threads = collections.Counter()
    layers = collections.Counter()
    layers_by_thread = collections.defaultdict(collections.Counter)
    innermost = collections.Counter()
    own_layer = collections.Counter()
    own_layer_by_thread = collections.defaultdict(collections.Counter)
    truncated = 0
    for event in events:
        values = event["values"]
        thread = values["sampledThread"]
        group = thread_group(thread.get("javaName") or thread.get("osName") or "")
        threads[group] += 1
        trace = values.get("stackTrace") or {"frames": [], "truncated": False}
        truncated += bool(trace.get("truncated"))
        names = [frame_name(f) for f in trace["frames"]]
        seen = {layer_of(n) for n in names}
        for layer in seen:
            layers[layer] += 1
            layers_by_thread[group][layer] += 1
        own = next((n for n in names if not n.startswith(("java.", "javax.", "jdk.", "sun."))), names[0] if names else "?")
        own_layer[layer_of(own)] += 1
        own_layer_by_thread[group][layer_of(own)] += 1
        innermost[own.rsplit(".", 1)[0] if not own.startswith("io.itinera") else own] += 1
    total = len(events)
    print(f"{total} samples, {truncated} with truncated stacks")
    print("\n| thread | samples | share |\n|---|---:|---:|")
    for group, n in threads.most_common():
        print(f"| {group} | {n} | {100 * n / total:.1f} % |")
    groups = [g for g, _ in threads.most_common()]
    print("\n| layer (self) | share | " + " | ".join(groups) + " |")
    print("|---|---:|" + "---:|" * len(groups))
    for layer, n in own_layer.most_common():
        cells = " | ".join(f"{100 * own_layer_by_thread[g][layer] / total:.1f}" for g in groups)
        print(f"| {layer} | {100 * n / total:.1f} % | {cells} |")
    print("\n| layer (inclusive) | share | " + " | ".join(groups) + " |")
    print("|---|---:|" + "---:|" * len(groups))
    for layer, n in layers.most_common():
        cells = " | ".join(f"{100 * layers_by_thread[g][layer] / total:.1f}" for g in groups)
        print(f"| {layer} | {100 * n / total:.1f} % | {cells} |")
    print(f"\n| top frames (exclusive, innermost non-JDK class) | share |\n|---|---:|")
    for name, n in innermost.most_common(top):
        print(f"| `{name}` | {100 * n / total:.1f} % |")


if __name__ == "__main__":
    main()
