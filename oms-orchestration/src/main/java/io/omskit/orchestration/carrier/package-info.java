/**
 * Carrier choice per parcel: {@link io.omskit.orchestration.carrier.CarrierChooser} picks, among a parcel's quotes, the
 * service that minimises its price plus the cost of missing the customer's promise times the probability of missing
 * it, that probability learnt per carrier service and lane from tracking history
 * ({@link io.omskit.orchestration.carrier.OnTimeRecord}), and explains the choice
 * ({@link io.omskit.orchestration.carrier.CarrierDecision#explanation()}).
 */
package io.omskit.orchestration.carrier;
