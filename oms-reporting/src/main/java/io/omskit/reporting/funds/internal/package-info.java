/** Details of funds reconciliation that make no compatibility promise: reading CSV reports row by row. */
package io.omskit.reporting.funds.internal;
