#!/usr/bin/env bash
# Builds an operator file of places (enrichment.pois.file) from an OpenStreetMap PBF extract.
#
#   api-enrichment/import-osm.sh EXTRACT.osm.pbf OUTPUT.csv DESTINATION_ID[,DESTINATION_ID...] [RADIUS_KM] [LIMIT]
#
# Each selected object goes to the nearest listed destination whose centre is within RADIUS_KM (default 15); each
# destination keeps its LIMIT best places (default 200). Destination ids are those of destination search.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  sed -n '2,7p' "$0" >&2
  exit 2
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
classpath_file="$here/target/import-osm.classpath"

# The command is a test source (the service jar keeps one main class): compile, and list the runtime dependencies once.
if [[ ! -f "$here/target/test-classes/io/itinera/enrichment/tools/ImportOsm.class" || ! -f "$classpath_file" ]]; then
  echo "compiling api-enrichment..." >&2
  (cd "$root" && mvn -B -q -pl api-enrichment -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$classpath_file")
fi

exec java -Xmx2g -cp "$here/target/test-classes:$here/target/classes:$(cat "$classpath_file")" \
  io.itinera.enrichment.tools.ImportOsm "$@"
