package io.docmatrix.runtime.outbox;

import org.jspecify.annotations.Nullable;

/** The W3C {@code traceparent} of the operation appending an event, when the service traces. */
@FunctionalInterface
interface TraceContext {

    TraceContext NONE = () -> null;

    @Nullable
    String traceparent();
}
