/**
 * Pluggable orchestration engines: one small interface, {@link io.omskit.orchestration.engine.OrchestrationEngine}
 * (a demand and a stock view in, a plan with its explanation out), that order sourcing, re-sourcing, batch waves and
 * delivery promises all ask. The optimiser ({@link io.omskit.orchestration.SourcingEngine}) is one implementation;
 * {@code staged} holds routing rules as merchants write them, {@code shadow} compares two engines on the same
 * orders. A host plugs its own with {@link io.omskit.orchestration.SourcingEngine#routedBy}.
 */
package io.omskit.orchestration.engine;
