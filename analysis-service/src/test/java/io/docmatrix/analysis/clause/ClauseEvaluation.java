package io.docmatrix.analysis.clause;

import io.docmatrix.analysis.document.AnalysedChunk;
import io.docmatrix.analysis.document.DocumentForAnalysis;
import io.docmatrix.embedding.EmbeddingModel;
import io.docmatrix.embedding.InProcessModel;
import io.docmatrix.embedding.OnnxEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures {@link ClauseAgent} on a folder in the format of CUAD dev ({@code manifest.jsonl}, {@code contracts/*.txt},
 * {@code clauses.jsonl} with gold spans): contracts are chunked roughly like ingestion and embedded with the real model,
 * then labelled. Reports clause presence per contract (per category and micro/macro P/R/F1) and span recall (gold spans
 * overlapped by a labelled span of their category), for the built-in exemplars alone and with exemplars learned from
 * the other half of a 2-fold split by a stable hash of the contract id (learned as the API learns them, figures only
 * from contracts not learned from). Also calibrates thresholds by cross-fitting and measures runtime per contract.
 *
 * <p>Usage: {@code ClauseEvaluation [folder]} (default {@code ../shared/eval-data/cuad/dev}); system properties
 * {@code limit} (contracts), {@code target}/{@code overlap} (chunk tokens, default 350/40). Skips when the folder is
 * absent. Embeddings are cached under {@code java.io.tmpdir}.
 */
public final class ClauseEvaluation {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Contract(String id, String text, int fold, DocumentForAnalysis document) {}

    record Gold(Map<String, Boolean> present, Map<String, List<int[]>> spans) {}

    record Counts(int tp, int fp, int fn) {
        double precision() {
            return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/eval-data/cuad/dev");
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("clauses.jsonl"))) {
            System.out.println("No CUAD folder at " + dir.toAbsolutePath() + "; skipping the clause evaluation.");
            return;
        }
        int limit = Integer.getInteger("limit", Integer.MAX_VALUE);
        int target = Integer.getInteger("target", 350);
        int overlap = Integer.getInteger("overlap", 40);
        Path cacheDir = Path.of(System.getProperty("java.io.tmpdir"), "docmatrix-clause-eval");
        Files.createDirectories(cacheDir);
        try (OnnxEmbeddingModel onnx = new OnnxEmbeddingModel(InProcessModel.BGE_SMALL_EN_V15_Q, 2)) {
            EmbeddingModel model = new CachingEmbeddingModel(onnx, cacheDir.resolve(onnx.modelId() + ".bin"));
            new ClauseEvaluation().run(dir, model, onnx, limit, target, overlap);
        }
    }

    private void run(Path dir, EmbeddingModel model, EmbeddingModel uncached, int limit, int target, int overlap)
            throws IOException {
        long t0 = System.nanoTime();
        Map<String, Gold> gold = readGold(dir.resolve("clauses.jsonl"));
        List<Contract> contracts = readContracts(dir, model, limit, target, overlap);
        System.out.printf(Locale.ROOT, "%d contracts chunked and embedded in %.1f s%n", contracts.size(), secs(t0));
        ClauseCategories categories = ClauseCategories.builtIn();
        InMemoryClauseExemplars store = new InMemoryClauseExemplars();
        ClauseScoring d = ClauseScoring.defaults();
        ClauseScoring scoring = new ClauseScoring(
                d.cueBonus(),
                d.chunkWeight(),
                d.candidateMargin(),
                d.candidateChunks(),
                Integer.getInteger("maxSentences", d.maxSentences()),
                d.maxMatchesPerCategory(),
                d.confidenceScale());
        ClauseAgent agent = new ClauseAgent(model, store, categories, scoring);

        // Built-in exemplars only: a tenant that learned nothing.
        UUID nobody = UUID.randomUUID();
        Map<String, List<ClauseAgent.Candidate>> builtIn = new LinkedHashMap<>();
        for (Contract c : contracts) {
            builtIn.put(c.id(), agent.score(retenant(c.document(), nobody)).spans());
        }
        // Learned: tenant f learns from fold f and is measured on the other fold.
        Map<String, List<ClauseAgent.Candidate>> learned = new LinkedHashMap<>();
        for (int fold = 0; fold < 2; fold++) {
            UUID tenant = UUID.randomUUID();
            List<ExemplarText> texts = new ArrayList<>();
            for (Contract c : contracts) {
                if (c.fold() != fold) {
                    continue;
                }
                gold.get(c.id())
                        .spans()
                        .forEach((category, spans) -> spans.forEach(s ->
                                texts.add(new ExemplarText(category, c.text().substring(s[0], s[1])))));
            }
            long l0 = System.nanoTime();
            ClauseExemplarLearning learning = new ClauseExemplarLearning(model, store, categories, 100_000);
            int added = learning.learn(tenant, texts).added();
            System.out.printf(Locale.ROOT, "fold %d: learned %d exemplars in %.1f s%n", fold, added, secs(l0));
            for (Contract c : contracts) {
                if (c.fold() != fold) {
                    learned.put(
                            c.id(), agent.score(retenant(c.document(), tenant)).spans());
                }
            }
        }

        Predicate<Contract> all = c -> true;
        report("Built-in exemplars only, current thresholds", agent, contracts, gold, builtIn, categories, all);
        report(
                "With learned exemplars (other fold), current thresholds",
                agent,
                contracts,
                gold,
                learned,
                categories,
                all);

        // Cross-fitted calibration: thresholds chosen on one fold are measured on the other.
        Map<String, Double> globalB = new HashMap<>();
        Map<String, Double> globalL = new HashMap<>();
        for (int fold = 0; fold < 2; fold++) {
            int f = fold;
            Predicate<Contract> tuneOn = c -> c.fold() == f;
            Map<String, Double> b = calibrate(agent, contracts, gold, builtIn, categories, tuneOn, false);
            ClauseCategories tunedB = categories.withThresholds(b, Map.of());
            Map<String, Double> l = calibrate(agent, contracts, gold, learned, tunedB, tuneOn, true);
            ClauseCategories tuned = categories.withThresholds(b, l);
            Predicate<Contract> measureOn = c -> c.fold() != f;
            report(
                    "Built-in only, thresholds tuned on fold " + f + ", measured on fold " + (1 - f),
                    agent,
                    contracts,
                    gold,
                    builtIn,
                    tuned,
                    measureOn);
            report(
                    "Learned, thresholds tuned on fold " + f + ", measured on fold " + (1 - f),
                    agent,
                    contracts,
                    gold,
                    learned,
                    tuned,
                    measureOn);
        }
        Map<String, Double> b = calibrate(agent, contracts, gold, builtIn, categories, all, false);
        Map<String, Double> l =
                calibrate(agent, contracts, gold, learned, categories.withThresholds(b, Map.of()), all, true);
        System.out.println("\nThresholds calibrated on all contracts (category, built-in, learned):");
        for (ClauseCategories.Category c : categories.all()) {
            System.out.printf(
                    Locale.ROOT,
                    "%s\t%.2f\t%.2f%n",
                    c.name(),
                    b.getOrDefault(c.name(), c.threshold()),
                    l.getOrDefault(c.name(), c.learnedThreshold()));
        }
        timing(uncached, store, categories, scoring, contracts);
    }

    /** Per category, the threshold maximising F1 on the tuning contracts, shrunk halfway to the all-category optimum. */
    private Map<String, Double> calibrate(
            ClauseAgent agent,
            List<Contract> contracts,
            Map<String, Gold> gold,
            Map<String, List<ClauseAgent.Candidate>> scored,
            ClauseCategories base,
            Predicate<Contract> on,
            boolean learnedBar) {
        // Presence of a category needs only its best span: precompute the best score against each exemplar set and
        // the best margin against the other set's fixed bar, then sweep.
        ClauseScoring s = agent.scoring();
        List<String> names = base.names().stream()
                .filter(n -> !n.equals(ClauseAgent.DOCUMENT_NAME))
                .toList();
        List<double[]> rows =
                new ArrayList<>(); // per (contract, category): index, best swept score, other passes, gold
        for (Contract c : contracts) {
            if (!on.test(c) || !scored.containsKey(c.id())) {
                continue;
            }
            double[] best = new double[names.size()];
            boolean[] other = new boolean[names.size()];
            java.util.Arrays.fill(best, -9);
            for (ClauseAgent.Candidate cand : scored.get(c.id())) {
                int k = names.indexOf(cand.category());
                if (k < 0) {
                    continue;
                }
                double bonus = cand.cue() ? s.cueBonus() : 0;
                double w = s.chunkWeight();
                double scoreB = (1 - w) * cand.sentenceB() + w * cand.chunkB() + bonus;
                double scoreL = cand.sentenceL() < -0.5 ? -9 : (1 - w) * cand.sentenceL() + w * cand.chunkL() + bonus;
                ClauseCategories.Category cat = base.find(cand.category()).orElseThrow();
                if (learnedBar) {
                    best[k] = Math.max(best[k], scoreL);
                    other[k] |= scoreB >= cat.threshold();
                } else {
                    best[k] = Math.max(best[k], scoreB);
                    other[k] |= scoreL >= cat.learnedThreshold();
                }
            }
            for (int k = 0; k < names.size(); k++) {
                boolean actual = gold.get(c.id()).present().getOrDefault(names.get(k), false);
                rows.add(new double[] {k, best[k], other[k] ? 1 : 0, actual ? 1 : 0});
            }
        }
        double bestGlobal = 0.8;
        double bestGlobalF1 = -1;
        for (double t = 0.60; t <= 1.0001; t += 0.005) {
            double f1 = f1(rows, -1, t);
            if (f1 > bestGlobalF1) {
                bestGlobalF1 = f1;
                bestGlobal = t;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "  best single %s threshold %.3f (micro F1 %.3f on the tuning contracts)%n",
                learnedBar ? "learned" : "built-in",
                bestGlobal,
                bestGlobalF1);
        Map<String, Double> chosen = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            double best = bestGlobal;
            double bestF1 = -1;
            for (double t = 0.60; t <= 1.0001; t += 0.005) {
                double f1 = f1(rows, k, t);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    best = t;
                }
            }
            chosen.put(names.get(k), Math.round((best + bestGlobal) / 2 * 100) / 100.0);
        }
        return chosen;
    }

    /** F1 of presence over the rows of category {@code k} (all when negative) at threshold {@code t}. */
    private static double f1(List<double[]> rows, int k, double t) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (double[] r : rows) {
            if (k >= 0 && r[0] != k) {
                continue;
            }
            boolean predicted = r[1] >= t || r[2] > 0;
            boolean actual = r[3] > 0;
            if (predicted && actual) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (actual) {
                fn++;
            }
        }
        return new Counts(tp, fp, fn).f1();
    }

    record Result(Map<String, Counts> counts, int goldSpans, int goldSpansHit, int contracts, int asContract) {}

    private Result evaluate(
            ClauseAgent agent,
            List<Contract> contracts,
            Map<String, Gold> gold,
            Map<String, List<ClauseAgent.Candidate>> scored,
            ClauseCategories cats,
            Predicate<Contract> on) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        cats.names().forEach(n -> counts.put(n, new int[3]));
        int goldSpans = 0;
        int hit = 0;
        int n = 0;
        int asContract = 0;
        for (Contract c : contracts) {
            if (!on.test(c) || !scored.containsKey(c.id())) {
                continue;
            }
            n++;
            List<ClauseMatch> matches = agent.matches(scored.get(c.id()), cats);
            if (ClauseAgent.DocumentKinds.classify(c.document(), matches) == DocumentKind.CONTRACT) {
                asContract++;
            } else if (Boolean.getBoolean("showOther")) {
                System.out.printf(
                        Locale.ROOT,
                        "  OTHER: %s cues %d, categories %s%n",
                        c.id(),
                        ClauseAgent.DocumentKinds.contractCues(c.document()),
                        matches.stream()
                                .map(m -> m.category() + "@" + m.confidence())
                                .toList());
            }
            Gold g = gold.get(c.id());
            for (String category : cats.names()) {
                boolean predicted = matches.stream().anyMatch(m -> m.category().equals(category));
                boolean actual = g.present().getOrDefault(category, false);
                int[] k = counts.get(category);
                if (predicted && actual) {
                    k[0]++;
                } else if (predicted) {
                    k[1]++;
                } else if (actual) {
                    k[2]++;
                }
                for (int[] span : g.spans().getOrDefault(category, List.of())) {
                    goldSpans++;
                    boolean overlapped = matches.stream()
                            .anyMatch(m -> m.category().equals(category) && m.start() < span[1] && span[0] < m.end());
                    if (overlapped) {
                        hit++;
                    }
                }
            }
        }
        Map<String, Counts> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, new Counts(v[0], v[1], v[2])));
        return new Result(out, goldSpans, hit, n, asContract);
    }

    private static Counts micro(Map<String, Counts> counts) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Counts c : counts.values()) {
            tp += c.tp();
            fp += c.fp();
            fn += c.fn();
        }
        return new Counts(tp, fp, fn);
    }

    private void report(
            String title,
            ClauseAgent agent,
            List<Contract> contracts,
            Map<String, Gold> gold,
            Map<String, List<ClauseAgent.Candidate>> scored,
            ClauseCategories cats,
            Predicate<Contract> on) {
        Result r = evaluate(agent, contracts, gold, scored, cats, on);
        Counts micro = micro(r.counts());
        double macro =
                r.counts().values().stream().mapToDouble(Counts::f1).average().orElse(0);
        System.out.printf(
                Locale.ROOT,
                "%n### %s%ncontracts %d (classified CONTRACT: %d); presence micro P %.3f R %.3f F1 %.3f; macro F1 %.3f;"
                        + " span recall %.3f (%d/%d gold spans)%n",
                title,
                r.contracts(),
                r.asContract(),
                micro.precision(),
                micro.recall(),
                micro.f1(),
                macro,
                r.goldSpans() == 0 ? 0 : r.goldSpansHit() / (double) r.goldSpans(),
                r.goldSpansHit(),
                r.goldSpans());
        if (Boolean.getBoolean("perCategory")) {
            System.out.println("| category | TP | FP | FN | P | R | F1 |\n|---|---|---|---|---|---|---|");
            r.counts()
                    .forEach((k, c) -> System.out.printf(
                            Locale.ROOT,
                            "| %s | %d | %d | %d | %.2f | %.2f | %.2f |%n",
                            k,
                            c.tp(),
                            c.fp(),
                            c.fn(),
                            c.precision(),
                            c.recall(),
                            c.f1()));
        }
    }

    /** Runtime of label() per contract with the uncached model, on the longest contracts. */
    private void timing(
            EmbeddingModel uncached,
            InMemoryClauseExemplars store,
            ClauseCategories categories,
            ClauseScoring scoring,
            List<Contract> contracts) {
        ClauseAgent agent = new ClauseAgent(uncached, store, categories, scoring);
        List<Contract> longest = new ArrayList<>(contracts);
        longest.sort(
                (a, b) -> b.document().chunks().size() - a.document().chunks().size());
        UUID nobody = UUID.randomUUID();
        System.out.println("\nRuntime of label() (uncached model):");
        double total = 0;
        int n = Math.min(5, longest.size());
        for (Contract c : longest.subList(0, n)) {
            long t = System.nanoTime();
            agent.label(retenant(c.document(), nobody));
            double s = secs(t);
            total += s;
            System.out.printf(
                    Locale.ROOT,
                    "  %d chunks, %d chars: %.2f s%n",
                    c.document().chunks().size(),
                    c.text().length(),
                    s);
        }
        System.out.printf(Locale.ROOT, "  mean %.2f s%n", total / Math.max(1, n));
    }

    private static DocumentForAnalysis retenant(DocumentForAnalysis d, UUID tenant) {
        return new DocumentForAnalysis(
                tenant, d.documentId(), d.version(), d.title(), d.filename(), d.contentType(), d.chunks());
    }

    private List<Contract> readContracts(Path dir, EmbeddingModel model, int limit, int target, int overlap)
            throws IOException {
        EvalChunker chunker = new EvalChunker(model, target, overlap);
        List<Contract> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("manifest.jsonl"))) {
            if (out.size() >= limit) {
                break;
            }
            JsonNode n = JSON.readTree(line);
            String id = n.get("contract_id").asString();
            String text = Files.readString(dir.resolve(n.get("txt").asString()), StandardCharsets.UTF_8);
            List<EvalChunker.TextChunk> pieces = chunker.chunk(text);
            List<float[]> vectors = model.embed(pieces.stream()
                    .map(p -> ExemplarTexts.fitToModel(model, text.substring(p.start(), p.end())))
                    .toList());
            List<AnalysedChunk> chunks = new ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                EvalChunker.TextChunk p = pieces.get(i);
                chunks.add(new AnalysedChunk(
                        UUID.nameUUIDFromBytes((id + "#" + i).getBytes(StandardCharsets.UTF_8)),
                        i,
                        text.substring(p.start(), p.end()),
                        1,
                        1,
                        p.start(),
                        p.end(),
                        List.of(),
                        vectors.get(i)));
            }
            DocumentForAnalysis doc = new DocumentForAnalysis(
                    UUID.randomUUID(),
                    UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)),
                    1,
                    null,
                    id + ".txt",
                    "text/plain",
                    chunks);
            out.add(new Contract(id, text, fold(id), doc));
        }
        return out;
    }

    private static Map<String, Gold> readGold(Path file) throws IOException {
        Map<String, Gold> gold = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            JsonNode n = JSON.readTree(line);
            Gold g = gold.computeIfAbsent(
                    n.get("contract_id").asString(), k -> new Gold(new HashMap<>(), new HashMap<>()));
            String category = n.get("category").asString();
            g.present().put(category, n.get("has_clause").asBoolean());
            for (JsonNode s : n.get("spans")) {
                g.spans()
                        .computeIfAbsent(category, k -> new ArrayList<>())
                        .add(new int[] {s.get("start").asInt(), s.get("end").asInt()});
            }
        }
        return gold;
    }

    /** Stable fold of a contract: the lowest bit of the first byte of SHA-256 of its id. */
    static int fold(String id) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return hash[0] & 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double secs(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
