# shellcheck shell=bash
# A standalone single-node KRaft broker built from embedded-kafka/target/broker-lib (mvn -pl embedded-kafka package).
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
auto.create.topics.enable=false
broker.session.timeout.ms=4000
# A transaction whose producer died for good (a worker or saga replica that is not coming back under the same id) is
# aborted within a second of its timeout, not up to 10 s later: until then read_committed readers of its partitions
# stall at it.
transaction.abort.timed.out.transaction.cleanup.interval.ms=1000
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

# kafka_start DIR: runs the broker configured in DIR in the foreground (callers put it in the background).
# With class-data sharing: a start without an archive (DIR/broker.jsa, none or older than the broker's libraries)
# records the classes it loaded when it stops cleanly (SIGTERM); every later start maps them from the archive instead
# of loading them, which opened the broker's port in 7-8 s instead of 11-13 s at load average 11 (issue 11). A kill -9
# records nothing; a stale archive only loses the gain.
kafka_start() {
  local archive=$1/broker.jsa cds
  cds=-XX:ArchiveClassesAtExit=$archive
  [[ -f $archive && $archive -nt $(kafka_lib) ]] && cds=-XX:SharedArchiveFile=$archive
  exec java -Xmx512m "$cds" -Dlog4j2.configurationFile="$1/log4j2.xml" -cp "$(kafka_classpath)" kafka.Kafka \
    "$1/server.properties"
}

kafka_lib() {
  echo "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/target/broker-lib"
}

kafka_classpath() {
  echo "$(kafka_lib)/*"
}
