package io.docmatrix.query.answer;

import java.util.List;

/**
 * Cuts a streamed model reply into claims as soon as they are complete: a sentence is complete once the next one has
 * begun (its citation tags may still arrive after its full stop, at the start of the next piece).
 */
final class StreamingClaims {

    private final StringBuilder reply = new StringBuilder();
    private int released;

    /** The claims completed by this piece of the reply. */
    List<ModelAnswers.Claim> accept(String piece) {
        reply.append(piece);
        if (reply.lastIndexOf("[") > reply.lastIndexOf("]")) {
            return List.of(); // a citation tag is still arriving
        }
        List<ModelAnswers.Claim> claims = ModelAnswers.claims(reply.toString());
        // the last claim may still grow; the one before it is complete once the last has text of its own
        int complete = claims.size() - 1;
        return release(claims, complete);
    }

    /** The claims not yet released, once the reply is complete. */
    List<ModelAnswers.Claim> finish() {
        List<ModelAnswers.Claim> claims = ModelAnswers.claims(reply.toString());
        return release(claims, claims.size());
    }

    String reply() {
        return reply.toString();
    }

    private List<ModelAnswers.Claim> release(List<ModelAnswers.Claim> claims, int upTo) {
        if (upTo <= released) {
            return List.of();
        }
        List<ModelAnswers.Claim> out = List.copyOf(claims.subList(released, upTo));
        released = upTo;
        return out;
    }
}
