/** The demo's PostgreSQL tools: an embedded server for the {@code --postgres} demo and a reservation load command. */
package io.omskit.examples.postgres;
