/**
 * Returns and refunds: {@link io.omskit.returns.Returns} opens returns from any channel within a
 * {@link io.omskit.returns.policy.ReturnPolicy}, receives and inspects the goods, moves them back into stock at the
 * receiving location and refunds them through the payment gateway.
 */
package io.omskit.returns;
