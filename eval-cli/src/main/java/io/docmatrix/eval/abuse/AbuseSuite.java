package io.docmatrix.eval.abuse;

/** One abuse suite: tries to break one promise of the platform and counts what it saw. */
public interface AbuseSuite {

    /** The name used by {@code --suite} and in the results. */
    String name();

    /** Runs against the platform; every broken promise goes into {@code tally} as a violation. */
    void run(AbuseContext context, Tally tally) throws Exception;
}
