package io.omskit.core.spi;

/** What happened when an aggregate was saved. */
public enum SaveOutcome {
    /** Stored. */
    SAVED,
    /** Someone else saved a newer version since it was read; reload and retry the command. */
    VERSION_CONFLICT,
    /** A new order reused a channel and external reference that another order already has. */
    DUPLICATE_EXTERNAL_REF
}
