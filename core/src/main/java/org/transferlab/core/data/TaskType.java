package org.transferlab.core.data;

/** What a domain's targets are, and therefore which strategies and metrics apply to it. */
public enum TaskType {
    /** Each example has one class out of a fixed, named label space. */
    CLASSIFICATION,
    /** Each example has a real-valued target. */
    REGRESSION,
    /** Examples are grouped without labels; ground-truth classes, where known, are used only to score. */
    CLUSTERING
}
