/**
 * Stock transfers between locations (restocking a store, moving surplus): the {@link io.omskit.core.transfer.Transfer}
 * aggregate, its lifecycle and events. The workflow that moves the stock is {@link io.omskit.core.Transfers}.
 */
package io.omskit.core.transfer;
