package io.docmatrix.analysis.facts;

import java.util.List;

public record KeyFacts(List<KeyFact> facts) {}
