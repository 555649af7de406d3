/**
 * Fulfilments: one location's share of an order, from the offer to the location through picking, packing and
 * shipping (or a transfer to the pickup store) to delivery or collection. {@link io.omskit.core.fulfilment.Fulfilment}
 * is the aggregate, {@link io.omskit.core.fulfilment.FulfilmentTransitions} its state machine,
 * and {@link io.omskit.core.fulfilment.FulfilmentEvent} its events. Each step of a fulfilment moves its units on the
 * order, so the order's customer-visible status ({@link io.omskit.core.order.Order#status()}) follows its
 * fulfilments; the workflow that runs the steps is {@link io.omskit.core.Fulfilments}.
 */
package io.omskit.core.fulfilment;
