/**
 * Sales channels: where an order was taken (web, app, marketplace, store, contact centre). How each channel sees stock
 * is {@link io.omskit.core.inventory.ChannelExposure}.
 */
@NullMarked
package io.omskit.core.channel;

import org.jspecify.annotations.NullMarked;
