/**
 * Backorders and pre-orders: which SKUs and locations may sell beyond stock or against inbound supply
 * ({@link io.omskit.core.backorder.BackorderPolicy}), the units of an order that wait for supply
 * ({@link io.omskit.core.backorder.Backorder}), and the workflow that places them, fills them when a receipt is
 * booked and tells the customer when supply slips ({@link io.omskit.core.Backorders}).
 */
package io.omskit.core.backorder;
