/** The runnable demo storefront and the adapters (PostgreSQL) that show how a host plugs OMS Kit in. */
package io.omskit.examples;
