/**
 * Implementation of the in-memory inventory store: SKU stripes holding positions in flat int arrays, the dense
 * location registry, reservation and allocation state. No compatibility promise.
 */
package io.omskit.core.inmemory.internal;
