/** Implementation of the PostgreSQL adapters: transactions and retries, row mapping, the stock session, the outbox writer, JSON. No compatibility promise. */
package io.omskit.postgres.internal;
