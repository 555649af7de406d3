/**
 * Micrometer meters of the live workflows ({@link io.omskit.core.metrics.MicrometerOmsMetrics}). Micrometer is an
 * optional dependency: only a host that uses this package adds it.
 */
package io.omskit.core.metrics;
