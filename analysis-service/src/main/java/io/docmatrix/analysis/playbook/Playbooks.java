package io.docmatrix.analysis.playbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The playbooks a tenant sees: its own versions, on top of the playbooks shipped with the service (each a version 1
 * every tenant starts from). A tenant's change of a shipped playbook becomes its version 2, and so on.
 */
@Service
public class Playbooks {

    static final List<String> SHIPPED = List.of("default-contract");

    private final PlaybookRepository repository;
    private final Map<String, Playbook> shipped = new LinkedHashMap<>();

    public Playbooks(PlaybookRepository repository, JsonMapper json) {
        this.repository = repository;
        for (String id : SHIPPED) {
            shipped.put(id, load(json, id));
        }
    }

    private static Playbook load(JsonMapper json, String id) {
        String resource = "playbooks/" + id + ".json";
        try (InputStream in = Playbooks.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("shipped playbook " + resource + " is missing");
            }
            // The shipped playbooks pass the same validation as a tenant's, so a broken resource fails startup.
            return PlaybookValidator.validated(json.readValue(in, Playbook.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version an analysis applies now: the tenant's latest, else the shipped one. */
    public Optional<Playbook> current(UUID tenantId, String id) {
        return repository.latest(tenantId, id).or(() -> Optional.ofNullable(shipped.get(id)));
    }

    /** One version, or the current one when {@code version} is null. */
    public Optional<Playbook> find(UUID tenantId, String id, @Nullable Integer version) {
        if (version == null) {
            return current(tenantId, id);
        }
        Playbook base = shipped.get(id);
        if (base != null && base.version() == version) {
            return Optional.of(base);
        }
        return repository.version(tenantId, id, version);
    }

    /** The current version of every playbook the tenant can use, by id. */
    public List<Playbook> list(UUID tenantId) {
        Map<String, Playbook> byId = new LinkedHashMap<>(shipped);
        repository.latestOfEach(tenantId).forEach(p -> byId.put(p.id(), p));
        List<Playbook> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(Playbook::id));
        return all;
    }

    /**
     * Validates and stores a new version of the tenant's playbook {@code id}.
     *
     * @throws InvalidPlaybookException naming every problem, when the playbook is not usable
     */
    @Transactional
    public Playbook save(
            UUID tenantId, String id, String name, List<ClauseRule> rules, Thresholds thresholds, String by) {
        Playbook valid = PlaybookValidator.validated(new Playbook(id, 1, name, rules, thresholds));
        int minimum = shipped.containsKey(id) ? shipped.get(id).version() + 1 : 1;
        return repository.append(tenantId, valid, minimum, by);
    }
}
