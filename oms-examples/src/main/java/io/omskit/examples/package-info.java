/** The runnable demo storefront, on the in-memory adapters or on PostgreSQL ({@code oms-postgres}). */
package io.omskit.examples;
