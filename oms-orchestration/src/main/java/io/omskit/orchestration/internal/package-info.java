/**
 * The sourcing engine's implementation: the compiled problem, the branch-and-bound optimiser, plan and
 * explanation assembly, batch sourcing and the rule-set JSON reader. No compatibility promise.
 */
package io.omskit.orchestration.internal;
