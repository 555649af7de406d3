/**
 * The order's story: one {@link io.omskit.core.timeline.Timeline} of everything that happened to an order, its
 * fulfilments, payments, returns and the messages sent, in time order, each entry with its actor and reason. It is
 * rebuilt from what is stored (the order's and fulfilments' events, and what each {@link
 * io.omskit.core.timeline.TimelineSource} contributes, such as returns and notifications), so it reads the same after a
 * restart; {@link io.omskit.core.timeline.TimelineProjection} follows the same events live.
 */
package io.omskit.core.timeline;
