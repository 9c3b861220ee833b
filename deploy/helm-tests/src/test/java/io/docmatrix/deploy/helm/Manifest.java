package io.docmatrix.deploy.helm;

import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, navigated by dotted paths ({@code spec.template.spec}). */
record Manifest(Map<String, Object> body) {

    String kind() {
        return (String) body.get("kind");
    }

    String name() {
        return string("metadata.name");
    }

    boolean is(String kind) {
        return kind.equals(kind());
    }

    Object at(String path) {
        return Yamls.at(body, path);
    }

    String string(String path) {
        Object value = at(path);
        return value == null ? null : value.toString();
    }

    Map<String, Object> map(String path) {
        return Yamls.map(at(path));
    }

    List<Object> list(String path) {
        return Yamls.list(at(path));
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
