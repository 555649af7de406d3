/** The common shape of domain events. Each aggregate's own sealed event family lives in its package. */
package io.omskit.core.event;
