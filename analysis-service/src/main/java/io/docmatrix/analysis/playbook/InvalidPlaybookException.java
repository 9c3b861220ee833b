package io.docmatrix.analysis.playbook;

import java.util.List;

/** A playbook that breaks the rules of {@link PlaybookValidator}; nothing was stored. */
public final class InvalidPlaybookException extends RuntimeException {

    private final List<String> problems;

    public InvalidPlaybookException(List<String> problems) {
        super("The playbook is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
