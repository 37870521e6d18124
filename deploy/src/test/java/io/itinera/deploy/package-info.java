/** Consistency tests: the manifests in deploy/ checked against the services' code and configuration. */
@NullMarked
package io.itinera.deploy;

import org.jspecify.annotations.NullMarked;
