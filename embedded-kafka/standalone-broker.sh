# shellcheck shell=bash
# A standalone single-node KRaft broker built from local-broker/target/broker-lib (mvn -pl local-broker package).
# Sourced by run-local.sh and deploy/images/smoke-test.sh, so both start Kafka the same way.

# kafka_configure DIR PORT CONTROLLER_PORT: writes DIR/server.properties (data in DIR/data) and formats the storage
# once; data survives restarts.
kafka_configure() {
  local dir=$1 port=$2 controller_port=$3 classpath
  classpath="$(kafka_classpath)"
  mkdir -p "$dir"
  cat >"$dir/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Three partitions for the group and transaction coordinators' topics, not 50 each: one node gains nothing from more,
# and every partition is a log to load when the broker starts, to recover after a kill -9 and to flush when it stops
# (half of a local broker's partitions were these; its clean stop flushed logs for 10 s at load average 25, issue 11).
# Only a new data directory gets them.
offsets.topic.num.partitions=3
transaction.state.log.num.partitions=3
# Small segments for the same two topics, so that the log cleaner compacts them within minutes: a restarted broker's
# coordinators replay these partitions before any group or transactional producer can go on, and with the default
# 100 MB segments nothing was ever compacted here (a chaos run's saga group: 35,749 offset records, 6.6 s to load at
# load average 13; the transaction state 2.6-6.2 s). Only a new data directory gets them, like the partition counts.
offsets.topic.segment.bytes=1048576
transaction.state.log.segment.bytes=1048576
auto.create.topics.enable=false
broker.session.timeout.ms=4000
# A transaction whose producer died for good (a worker or saga replica that is not coming back under the same id) is
# aborted within a second of its timeout, not up to 10 s later: until then read_committed readers of its partitions
# stall at it.
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
# The controller writes a no-op record to the metadata log when nothing else was written for this long (default
# 500 ms): on an idle node, two appends, commits and metadata publications a second for nothing but a staleness
# metric. One node has no follower to reassure; 5 s keeps the metric meaningful (docs/performance.md, session 8).
metadata.max.idle.interval.ms=5000
PROPERTIES
  # Kafka's own default levels (INFO), with milliseconds: where the broker's start and stop go (log loading and
  # recovery, the controller, the group and transaction coordinators) is otherwise invisible. Without a
  # configuration file log4j2 prints errors only.
  cat >"$dir/log4j2.xml" <<'LOG4J2'
<Configuration status="warn">
  <Appenders>
    <Console name="stdout" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d{HH:mm:ss.SSS}] %p %m (%c{1})%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <Root level="info"><AppenderRef ref="stdout"/></Root>
    <Logger name="kafka.request.logger" level="warn"/>
    <Logger name="org.apache.kafka.clients" level="warn"/>
  </Loggers>
</Configuration>
LOG4J2
  if [[ ! -f $dir/data/meta.properties ]]; then
    java -cp "$classpath" kafka.tools.StorageTool format \
      -t "$(java -cp "$classpath" kafka.tools.StorageTool random-uuid)" -c "$dir/server.properties"
  fi
}

# kafka_start DIR: runs the broker configured in DIR in the foreground (callers put it in the background), with the
# class-data-sharing archive kafka_record_archive made, when there is one newer than the broker's libraries: the JVM
# maps the classes from it instead of loading them, which opened the broker's port in 7-8 s instead of 11-13 s at
# load average 11 (issue 11). A stale archive only loses the gain.
kafka_start() {
  local cds=()
  kafka_archive_fresh "$1" && cds=(-XX:SharedArchiveFile="$1/broker.jsa")
  exec java -Xmx512m "${cds[@]}" -Dlog4j2.configurationFile="$1/log4j2.xml" -cp "$(kafka_classpath)" kafka.Kafka \
    "$1/server.properties"
}

kafka_archive_fresh() {
  [[ -f $1/broker.jsa && $1/broker.jsa -nt $(kafka_lib) ]]
}

# kafka_record_archive DIR PORT: unless DIR has a fresh archive, records one in a training run: the broker configured
# in DIR starts, opens PORT and is stopped at once; its JVM writes the classes it loaded as it exits. Once per build,
# before the broker that serves starts: a broker that records its archive as it exits takes as much longer to stop
# (9.5 s for a SIGTERM in session 6's chaos run, 20 s at load average 28), and its restart waits for that.
kafka_record_archive() {
  local dir=$1 port=$2 pid waited=0
  kafka_archive_fresh "$dir" && return 0
  rm -f "$dir/broker.jsa"
  java -Xmx512m -XX:ArchiveClassesAtExit="$dir/broker.jsa" -Dlog4j2.configurationFile="$dir/log4j2.xml" \
    -cp "$(kafka_classpath)" kafka.Kafka "$dir/server.properties" &
  pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null && ((waited++ < 1200)) || { kill -KILL "$pid" 2>/dev/null; wait "$pid"; return 1; }
    sleep 0.25
  done
  kill -TERM "$pid"
  wait "$pid" || true
  kafka_archive_fresh "$dir"
}

kafka_lib() {
  echo "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/local-broker/target/broker-lib"
}

kafka_classpath() {
  echo "$(kafka_lib)/*"
}
