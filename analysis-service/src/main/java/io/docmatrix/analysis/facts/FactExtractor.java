package io.docmatrix.analysis.facts;

import io.docmatrix.analysis.document.DocumentForAnalysis;

public interface FactExtractor {
    KeyFacts extract(DocumentForAnalysis document);
}
