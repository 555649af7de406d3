/**
 * Measures: order volume and value, fulfilment speed, promises kept, fill rate, split rate, cancellations and
 * rejections, returns, stock turnover and cover, time out of stock, fast sellers and slow movers, backlog. Each is
 * defined in the Javadoc of its row type, computed live from the projection's facts by {@link
 * io.omskit.reporting.measure.Measures}.
 */
package io.omskit.reporting.measure;
