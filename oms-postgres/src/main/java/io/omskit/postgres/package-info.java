/**
 * OMS Kit on PostgreSQL, safe for many application nodes sharing one database: the
 * {@link io.omskit.postgres.PostgresInventoryStore} and the {@link io.omskit.postgres.PostgresOrderRepository} (they
 * pass the SPI contract tests of {@code oms-testkit}), the transactional outbox published by the
 * {@link io.omskit.postgres.OutboxRelay}, and the schema kept by Flyway ({@link io.omskit.postgres.PostgresSchema},
 * migrations in {@code db/migration}).
 *
 * <p>Start with {@link io.omskit.postgres.PostgresOms#builder()}, which wires all of them on a server in one call, or
 * use the pieces alone on a {@code DataSource} of your own.
 */
package io.omskit.postgres;
