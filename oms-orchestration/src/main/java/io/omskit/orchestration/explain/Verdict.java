package io.omskit.orchestration.explain;

/** What became of a candidate location. */
public enum Verdict {
    /** It fulfils part of the plan. */
    CHOSEN,
    /** It passed the filters for some item but another plan was cheaper. */
    CONSIDERED,
    /** Filters excluded it for every item it holds. */
    EXCLUDED
}
