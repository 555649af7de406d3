/**
 * Reporting: measures of order volume, fulfilment speed, promises kept, returns, stock turnover and backlog, kept live
 * from the domain events, and the reconciliation of funds among the retailer, its stores, marketplace sellers and
 * drop-shippers against the payment provider's settlement reports.
 */
package io.omskit.reporting;
