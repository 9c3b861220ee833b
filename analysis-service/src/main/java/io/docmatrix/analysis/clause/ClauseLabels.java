package io.docmatrix.analysis.clause;

import java.util.List;

public record ClauseLabels(DocumentKind kind, List<ClauseMatch> matches) {}
