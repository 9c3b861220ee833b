package io.docmatrix.analysis.pipeline;

public enum AnalysisStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED
}
