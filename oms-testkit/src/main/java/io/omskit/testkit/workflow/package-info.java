/**
 * The workflow contract: the {@link io.omskit.core.Oms} workflows driven through adapters that fail at random and
 * by real threads racing on one order or loading two nodes while the storage is disturbed, with the end checks every
 * storage adapter must pass (no order lost, nothing charged twice, no stock left held for nothing, every event
 * published). Extend {@link io.omskit.testkit.workflow.WorkflowFaultContract} with one factory method.
 */
package io.omskit.testkit.workflow;
