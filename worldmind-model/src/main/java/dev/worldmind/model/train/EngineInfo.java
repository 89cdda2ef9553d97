package dev.worldmind.model.train;

import ai.djl.engine.Engine;
import dev.worldmind.core.provenance.CodeVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** The versions of Worldmind, DJL and the deep-learning engine in use, for provenance. */
public final class EngineInfo {
    private EngineInfo() {}

    /** Returns library versions: worldmind, djl, the engine's name and version. */
    public static Map<String, String> libraries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("worldmind", CodeVersion.worldmindVersion());
        m.put("djl", Engine.getDjlVersion());
        Engine engine = Engine.getInstance();
        m.put("engine", engine.getEngineName());
        m.put("engineVersion", engine.getVersion());
        return m;
    }
}
