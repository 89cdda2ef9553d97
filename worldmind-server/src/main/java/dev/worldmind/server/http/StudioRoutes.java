package dev.worldmind.server.http;

import dev.worldmind.app.dataset.DatasetDescriptor;
import dev.worldmind.app.dataset.DatasetDescriptors;
import dev.worldmind.core.WorldmindHome;
import dev.worldmind.core.json.Json;
import dev.worldmind.data.accounts.Role;
import dev.worldmind.data.catalog.Catalogue;
import dev.worldmind.data.image.GrayPng;
import dev.worldmind.data.image.ImageSet;
import dev.worldmind.data.store.DatasetFile;
import dev.worldmind.data.store.DatasetSpec;
import dev.worldmind.data.store.DirectorySource;
import dev.worldmind.model.registry.ModelManifest;
import dev.worldmind.model.registry.ModelRegistry;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the Studio reads besides jobs and serving, for creators and admins: the datasets (present or
 * not, files and checksums, a grid of sample images) and a registered version's details (manifest
 * with provenance, evaluation report, training history, aliases, lineage) and its ONNX file.
 */
final class StudioRoutes {
    private static final int SAMPLES_PER_CLASS = 10;

    private final Auth auth;
    private final Optional<WorldmindHome> home;
    private final Optional<Path> models;
    private final Map<String, byte[]> sampleGrids = new ConcurrentHashMap<>();

    StudioRoutes(Auth auth, Optional<WorldmindHome> home, Optional<Path> models) {
        this.auth = auth;
        this.home = home;
        this.models = models;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(
                "/api/datasets",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (DatasetDescriptor d : DatasetDescriptors.installed().all()) {
                        out.add(describe(d.spec()));
                    }
                    for (DatasetSpec d : Catalogue.all()) {
                        out.add(describe(d));
                    }
                    ctx.json(Map.of("datasets", out));
                });
        cfg.routes.get(
                "/api/datasets/{name}/samples.png",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    ctx.contentType("image/png").result(samples(ctx.pathParam("name")));
                });
        cfg.routes.get(
                "/api/models/{name}/versions/{version}/details",
                ctx -> {
                    auth.require(ctx, Role.CREATOR);
                    ctx.json(details(ctx));
                });
        cfg.routes.get(
                "/api/models/{name}/versions/{version}/onnx",
                ctx -> {
                    auth.require(ctx);
                    ModelManifest m = registry().get(ref(ctx));
                    Path file = registry().directory(m.ref()).resolve(ModelRegistry.ONNX_FILE);
                    if (!m.runtime().equals(ModelManifest.ONNX) || !Files.isRegularFile(file)) {
                        throw ApiException.notFound(m.ref() + " is not an ONNX model");
                    }
                    ctx.contentType("application/octet-stream")
                            .header("Cache-Control", "private, max-age=3600")
                            .result(Files.readAllBytes(file));
                });
    }

    private WorldmindHome home() {
        return home.orElseThrow(
                () -> new ApiException(503, "unavailable", "this server has no Worldmind home"));
    }

    private ModelRegistry registry() {
        return new ModelRegistry(
                models.orElseThrow(
                        () -> new ApiException(503, "unavailable", "no model registry")));
    }

    private Map<String, Object> describe(DatasetSpec d) {
        Path dir = home().datasets().resolve(d.name());
        List<Map<String, Object>> files = new ArrayList<>();
        boolean present = true;
        for (DatasetFile f : d.files()) {
            Path p = dir.resolve(f.name());
            long bytes = Files.isRegularFile(p) ? size(p) : -1;
            present &= bytes >= 0;
            files.add(Map.of("name", f.name(), "sha256", f.sha256(), "bytes", bytes));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.name());
        out.put("description", d.description());
        out.put("present", present);
        out.put("files", files);
        out.put("source", d.source().describe());
        Optional<DatasetDescriptor> image = DatasetDescriptors.installed().find(d.name());
        out.put("images", image.isPresent());
        image.ifPresent(i -> out.put("classes", i.classes()));
        if (!present && d.source() instanceof DirectorySource s && !s.missing(d).isEmpty()) {
            out.put("problem", "not on this machine: " + String.join(", ", s.missing(d)));
            out.put(
                    "fix",
                    (s.installHint().isEmpty() ? "" : s.installHint() + ", or ")
                            + "./worldmind data fetch "
                            + d.name()
                            + " --from DIR");
        } else if (!present) {
            out.put("problem", "not fetched yet");
            out.put("fix", "./worldmind data fetch " + d.name());
        }
        return out;
    }

    private byte[] samples(String name) {
        DatasetDescriptor d =
                DatasetDescriptors.installed()
                        .find(name)
                        .orElseThrow(() -> ApiException.notFound("no image dataset " + name));
        Path dir = home().datasets().resolve(name);
        if (!new dev.worldmind.data.store.DatasetStore(home().datasets()).isComplete(d.spec())) {
            throw ApiException.notFound(name + " is not fetched yet");
        }
        return sampleGrids.computeIfAbsent(name, n -> grid(d.load(dir).test(), d.classes().size()));
    }

    /** The first {@value #SAMPLES_PER_CLASS} test images of each class, a row per class. */
    static byte[] grid(ImageSet test, int classes) {
        int side = 28;
        float[] pixels = new float[classes * side * SAMPLES_PER_CLASS * side];
        int[] filled = new int[classes];
        float[] one = new float[test.imageSize()];
        for (int i = 0; i < test.size(); i++) {
            int c = test.label(i);
            if (filled[c] >= SAMPLES_PER_CLASS) {
                continue;
            }
            test.copyImage(i, one, 0);
            int col = filled[c]++;
            for (int y = 0; y < side; y++) {
                System.arraycopy(
                        one,
                        y * side,
                        pixels,
                        (c * side + y) * side * SAMPLES_PER_CLASS + col * side,
                        side);
            }
        }
        return GrayPng.encode(pixels, classes * side, SAMPLES_PER_CLASS * side, 1);
    }

    private Map<String, Object> details(Context ctx) throws IOException {
        ModelRegistry registry = registry();
        ModelManifest m = registry.get(ref(ctx));
        Path dir = registry.directory(m.ref());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("manifest", m);
        out.put("report", readJson(dir.resolve("metrics.json")));
        out.put("history", readJson(dir.resolve("history.json")));
        out.put("aliases", registry.aliases(m.name()));
        List<String> lineage = new ArrayList<>();
        ModelManifest at = m;
        while (at != null && lineage.size() < 10) {
            lineage.add(at.ref());
            at = at.derivedFrom().isEmpty() ? null : find(registry, at.derivedFrom());
        }
        out.put("lineage", lineage);
        return out;
    }

    private static ModelManifest find(ModelRegistry registry, String ref) {
        try {
            return registry.get(ref);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Object readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        return Json.mapper().readTree(file.toFile());
    }

    private static String ref(Context ctx) {
        return ctx.pathParam("name") + ":" + ctx.pathParam("version");
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
