/**
 * Backups of the only copy of trip state: exports the gateway's compacted topics to a file and restores them into an
 * empty cluster. A command-line tool, run next to the services (a Job in the cluster), not inside them.
 */
@NullMarked
package io.itinera.gateway.backup;

import org.jspecify.annotations.NullMarked;
