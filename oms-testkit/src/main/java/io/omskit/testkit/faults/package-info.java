/**
 * Fault injection for any adapter: wrappers of {@link io.omskit.core.spi.PaymentGateway},
 * {@link io.omskit.core.spi.OrderRepository}, {@link io.omskit.core.spi.InventoryStore} and
 * {@link io.omskit.core.spi.EventPublisher} that fail now and then, before or after the real call, as a
 * {@link io.omskit.testkit.faults.FaultPlan} decides. A failure after the real call is the hard case: the work was
 * done, the caller was told it was not.
 */
package io.omskit.testkit.faults;
