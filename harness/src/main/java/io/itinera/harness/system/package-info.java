/** What the harness reads from the machine and the broker: processes and their CPU time, load average, consumer lag. */
@NullMarked
package io.itinera.harness.system;

import org.jspecify.annotations.NullMarked;
