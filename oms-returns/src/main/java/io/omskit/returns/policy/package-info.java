/**
 * Return policies as data: windows per channel and category, non-returnable and final-sale SKUs, condition rules,
 * per-customer limits, shipping refunds, fees and when refunds are made; each refused line an answer with its reason.
 */
package io.omskit.returns.policy;
