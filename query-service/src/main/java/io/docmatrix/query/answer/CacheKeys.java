package io.docmatrix.query.answer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The cache key of a question: everything that changes the answer (normalised question, document scope, filters,
 * mode, topK, and how answers are composed), hashed. The tenant is not in the hash but beside it in every row and
 * every lookup.
 */
final class CacheKeys {

    private CacheKeys() {}

    static String of(AnswerQuery query, String composition) {
        String question = query.question()
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .replaceAll("[\\s?.!]+$", "")
                .strip();
        List<String> documents =
                query.documentIds().stream().map(UUID::toString).sorted().toList();
        var f = query.filters();
        String canonical = String.join(
                "\n",
                "v1",
                question,
                String.join(",", documents),
                String.join(",", f.tags().stream().sorted().toList()),
                String.valueOf(f.collection()),
                String.join(",", f.contentTypes().stream().sorted().toList()),
                String.valueOf(f.uploadedAfter()),
                String.valueOf(f.uploadedBefore()),
                query.mode().name(),
                Integer.toString(query.topK()),
                composition);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
