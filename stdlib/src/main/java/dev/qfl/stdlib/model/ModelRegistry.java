package dev.qfl.stdlib.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model kinds a session knows. Not static: each engine builds its own, so an embedding
 * application can add kinds without affecting others in the same JVM.
 */
public final class ModelRegistry {
    private final Map<String, ModelKind> kinds;

    private ModelRegistry(Map<String, ModelKind> kinds) {
        this.kinds = kinds;
    }

    /** The kinds that ship with QFL. */
    public static ModelRegistry standard() {
        return of(StandardModels.all());
    }

    public static ModelRegistry of(Collection<? extends ModelKind> kinds) {
        Map<String, ModelKind> map = new LinkedHashMap<>();
        for (ModelKind k : kinds) {
            if (map.putIfAbsent(k.name(), k) != null) {
                throw new IllegalArgumentException("two model kinds named " + k.name());
            }
        }
        return new ModelRegistry(map);
    }

    /** A registry with these kinds added (or replaced by name). */
    public ModelRegistry with(ModelKind kind) {
        Map<String, ModelKind> map = new LinkedHashMap<>(kinds);
        map.put(kind.name(), kind);
        return new ModelRegistry(map);
    }

    public Optional<ModelKind> find(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    public List<ModelKind> all() {
        return new ArrayList<>(kinds.values());
    }
}
