/**
 * Projections: the facts of orders, fulfilments, returns and stock that the measures are computed from, kept from the
 * domain events. Every fact is keyed by its aggregate and version (or its own idempotency key), so the same events in
 * any order, any number of times, leave the same facts.
 */
package io.omskit.reporting.projection;
