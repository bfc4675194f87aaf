#!/bin/sh
# Creates one Kafka topic per channel of the AsyncAPI file (infra/asyncapi.yaml),
# idempotently (--if-not-exists), then lists them. Run by the `kafka-topics`
# init service in docker-compose.yml, in the apache/kafka image.
#
#   create-topics.sh [--list] <asyncapi.yaml>
#     --list   only print the topic names (used by the tests; needs no Kafka)
#
# Settings: BOOTSTRAP_SERVER (kafka:9092), TOPIC_PARTITIONS (6),
# TOPIC_REPLICATION_FACTOR (1), KAFKA_BIN (/opt/kafka/bin).
set -eu

list_only=false
if [ "${1:-}" = "--list" ]; then
  list_only=true
  shift
fi
spec="${1:-/config/asyncapi.yaml}"

# The channel names: keys indented by two spaces under the top-level `channels:`.
topics=$(awk '
  /^channels:[[:space:]]*$/ { inside = 1; next }
  inside && /^[^[:space:]#]/ { inside = 0 }
  inside && /^  [A-Za-z0-9._-]+:[[:space:]]*$/ { name = $1; sub(/:$/, "", name); print name }
' "$spec")

if [ -z "$topics" ]; then
  echo "create-topics: no channels found in $spec" >&2
  exit 1
fi

if [ "$list_only" = true ]; then
  printf '%s\n' $topics
  exit 0
fi

bin="${KAFKA_BIN:-/opt/kafka/bin}"
server="${BOOTSTRAP_SERVER:-kafka:9092}"
for topic in $topics; do
  "$bin/kafka-topics.sh" --bootstrap-server "$server" --create --if-not-exists \
    --topic "$topic" \
    --partitions "${TOPIC_PARTITIONS:-6}" \
    --replication-factor "${TOPIC_REPLICATION_FACTOR:-1}"
done
"$bin/kafka-topics.sh" --bootstrap-server "$server" --list
