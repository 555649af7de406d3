/** JMH benchmarks of the hot paths: reservations, sourcing, promises. */
package io.omskit.benchmarks;
