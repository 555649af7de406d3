/**
 * Helpers of available-to-promise that know none of its API types: public holidays per country kept by day, a
 * readable text table of the availability index, zone offsets kept per span between transitions, and the bounded
 * cache that keeps plans, places and leg windows. No compatibility promise.
 */
package io.omskit.atp.internal;
