/**
 * The sourcing engine's implementation: the compiled problem, the branch-and-bound optimiser, plan and
 * explanation assembly, and batch sourcing. No compatibility promise.
 */
package io.omskit.orchestration.internal;
