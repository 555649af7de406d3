/**
 * The return (RMA, return merchandise authorisation) aggregate: what a customer sends back, how, why, what arrived,
 * what inspection found and what was refunded. Immutable; every command returns a {@code Change} with named
 * {@link io.omskit.returns.rma.ReturnEvent}s.
 */
package io.omskit.returns.rma;
