package dev.worldmind.server.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.worldmind.core.json.Json;
import dev.worldmind.server.ws.Inbound;
import dev.worldmind.server.ws.ProtocolSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * What reading a client message costs on the hot path, against the floor of any JSON protocol: for
 * a {@code move} and a {@code chat}, per message, (1) Jackson's {@code readTree} alone, (2) {@link
 * ProtocolSchema#parse} (the tree plus the version, type and field checks of
 * protocol/worldmind-ws.json, and the visible-text check of chat), and (3) that plus binding the
 * fields to the handler's record, as the dispatcher does. The three run interleaved in one JVM,
 * three repetitions after a warm-up; prints the median and spread of ns per message and the ratios
 * to (1). Run by {@code bench/protocol-parse}.
 */
public final class ProtocolParseBench {
    private static final int PER_ROUND = 200_000;

    private ProtocolParseBench() {}

    /**
     * Runs the bench.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ProtocolSchema schema = ProtocolSchema.get();
        String move =
                "{\"v\":1,\"type\":\"move\",\"x\":12.25,\"z\":-4.5,\"ry\":1.5707,\"seq\":123456}";
        String chat =
                "{\"v\":1,\"type\":\"chat\",\"text\":\"Has anyone seen the new designs in the shop?"
                        + " They look great!\"}";
        System.out.printf(
                Locale.ROOT,
                "protocol parse: %d messages a round, 3 rounds after a warm-up; ns per message,"
                        + " median [min-max]%n",
                PER_ROUND);
        bench("move", move, schema, Inbound.Move.class);
        bench("chat", chat, schema, Inbound.Chat.class);
    }

    private static void bench(String name, String text, ProtocolSchema schema, Class<?> record) {
        ObjectReader bind =
                Json.mapper()
                        .readerFor(record)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<ToLongFunction<String>> peers =
                List.of(
                        t -> tree(t).size(),
                        t -> schema.parse(t).fields().size(),
                        t -> {
                            try {
                                return bind.treeToValue(schema.parse(t).fields(), record) == null
                                        ? 0
                                        : 1;
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
        String[] names = {"jackson readTree", "schema parse", "parse + record"};
        long sink = 0;
        for (ToLongFunction<String> p : peers) {
            sink += round(p, text, PER_ROUND / 2); // warm-up
        }
        List<List<Double>> ns = new ArrayList<>();
        peers.forEach(p -> ns.add(new ArrayList<>()));
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < peers.size(); i++) {
                long t0 = System.nanoTime();
                sink += round(peers.get(i), text, PER_ROUND);
                ns.get(i).add((System.nanoTime() - t0) / (double) PER_ROUND);
            }
        }
        double floor = median(ns.get(0));
        for (int i = 0; i < peers.size(); i++) {
            List<Double> v = ns.get(i);
            System.out.printf(
                    Locale.ROOT,
                    "  %-5s %-17s %7.0f ns [%.0f-%.0f]  %.2fx the readTree floor%n",
                    name,
                    names[i],
                    median(v),
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    median(v) / floor);
        }
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimised away
        }
    }

    private static long round(ToLongFunction<String> peer, String text, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += peer.applyAsLong(text);
        }
        return sink;
    }

    private static JsonNode tree(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a[a.length / 2];
    }
}
