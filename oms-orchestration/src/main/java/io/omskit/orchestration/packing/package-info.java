/**
 * Cartonisation: which cartons a fulfilment's units go into, and where each unit sits in its carton. A
 * {@link io.omskit.orchestration.packing.CartonCatalogue} lists the cartons (inner and outer dimensions, weight limit,
 * cost) and the SKUs that ship in their own box; a {@link io.omskit.orchestration.packing.ParcelPricing} supplied by
 * the caller prices a parcel from its weight and dimensions (dimensional weight, zone). The
 * {@link io.omskit.orchestration.packing.Cartoniser} minimises carton cost plus parcel prices with a real 3-D fit
 * (six axis-aligned rotations, no overlap) and reports a lower bound beside every answer. Pure algorithms.
 */
package io.omskit.orchestration.packing;
