package io.omskit.reporting.measure;

/** Whether a measure has a row per day of the period or one row for the whole period. */
public enum Granularity {
    /** A row per day on which something was counted. */
    DAY,
    /** One row for the whole period. */
    PERIOD
}
