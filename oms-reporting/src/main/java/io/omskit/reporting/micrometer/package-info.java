/**
 * An optional Micrometer binder publishing live counters, timers and gauges from the events. Micrometer is an optional
 * dependency of oms-reporting: a host that uses this package brings {@code micrometer-core} itself.
 */
package io.omskit.reporting.micrometer;
