/**
 * Customer notifications: the {@link io.omskit.core.notification.Notifier} turns published domain events into exactly
 * one message per order and customer-visible status (and per parcel and tracking milestone), through the host's
 * {@link io.omskit.core.spi.NotificationSender} and a shared {@link io.omskit.core.spi.NotificationLog}.
 */
package io.omskit.core.notification;
