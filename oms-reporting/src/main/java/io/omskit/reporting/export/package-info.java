/** Exports of a report: tables of plain values, written as CSV or JSON. */
package io.omskit.reporting.export;
