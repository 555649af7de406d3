/** Payment state of orders and the requests and results exchanged with {@link io.omskit.core.spi.PaymentGateway}. */
package io.omskit.core.payment;
