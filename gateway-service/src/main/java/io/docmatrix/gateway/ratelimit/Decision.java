package io.docmatrix.gateway.ratelimit;

/**
 * The outcome of charging one request to one bucket.
 *
 * @param allowed whether the request may proceed
 * @param limit the bucket's capacity (its burst)
 * @param remaining whole tokens left after this request
 * @param retryAfterSeconds when denied, seconds until one token is back; 0 when allowed
 * @param resetSeconds seconds until the bucket is full again
 */
public record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds, long resetSeconds) {

    /** The decision a client should see of two buckets: a denial wins, then the one with fewer tokens left. */
    public Decision stricter(Decision other) {
        if (allowed != other.allowed) {
            return allowed ? other : this;
        }
        if (!allowed) {
            return retryAfterSeconds >= other.retryAfterSeconds ? this : other;
        }
        return remaining <= other.remaining ? this : other;
    }
}
