package dev.worldmind.data.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import dev.worldmind.core.NotFoundException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionReaderTest {
    @TempDir Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(InteractionReaderTest.class.getResource("/interaction/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InteractionReader.Result read(InteractionReader reader, String text) {
        try {
            return reader.read(new BufferedReader(new StringReader(text)), "test.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long seconds(long s) {
        return s * 1000;
    }

    @Test
    void readsMovieLens100kTabSeparatedData() {
        InteractionReader.Result r = InteractionReader.defaults().read(fixture("u.data"));

        assertThat(r.format()).isEqualTo(InteractionFormat.MOVIELENS_100K);
        assertThat(r.lines()).isEqualTo(7);
        assertThat(r.interactions()).hasSize(7);
        assertThat(r.interactions().get(0))
                .isEqualTo(new Interaction("196", "242", 3, seconds(881250949)));
        assertThat(r.badLines()).isZero();
    }

    @Test
    void readsMovieLens1mDoubleColonData() {
        InteractionReader.Result r = InteractionReader.defaults().read(fixture("ratings.dat"));

        assertThat(r.format()).isEqualTo(InteractionFormat.MOVIELENS_1M);
        assertThat(r.interactions()).hasSize(6);
        assertThat(r.interactions().get(3))
                .isEqualTo(new Interaction("2", "1357", 5, seconds(978298709)));
    }

    @Test
    void readsMovieLensLatestCsvWithItsHeaderAndHalfStars() {
        InteractionReader.Result r = InteractionReader.defaults().read(fixture("ratings.csv"));

        assertThat(r.format()).isEqualTo(InteractionFormat.MOVIELENS_LATEST);
        assertThat(r.lines()).isEqualTo(6);
        assertThat(r.interactions().get(5))
                .isEqualTo(new Interaction("3", "31", 0.5, seconds(1306463578)));
    }

    @Test
    void readsPlainCsvWithQuotesMixedTimestampsAndMissingTimes() {
        InteractionReader.Result r = InteractionReader.defaults().read(fixture("interactions.csv"));

        assertThat(r.format()).isEqualTo(InteractionFormat.CSV);
        assertThat(r.interactions())
                .containsExactly(
                        new Interaction("ada", "book-1", 2, seconds(1_700_000_000L)),
                        new Interaction("ada", "book, two", 1.5, 1_700_000_000_123L),
                        new Interaction(
                                "bob",
                                "book-1",
                                1,
                                Instant.parse("2024-03-01T12:00:00Z").toEpochMilli()),
                        new Interaction("bob", "lamp", 3, 0),
                        new Interaction("cy", "lamp", 1, 0));
    }

    @Test
    void refusesBytesThatAreNotUtf8InsteadOfMergingIds() throws IOException {
        // two Latin-1 ids (é, è) would both read as U+FFFD and become one item
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(
                latin1,
                "user,item,rating\nann,X\u00e91,4\nann,X\u00e81,5\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> InteractionReader.defaults().read(latin1))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("latin1.csv is not UTF-8 text");
    }

    @Test
    void readsCsvWithoutAHeader() {
        InteractionReader.Result r = read(InteractionReader.defaults(), "a,x,1,10\nb,y,2,20\n");

        assertThat(r.lines()).isEqualTo(2);
        assertThat(r.interactions()).extracting(Interaction::user).containsExactly("a", "b");
        assertThat(r.interactions().get(0).at()).isEqualTo(10_000);
    }

    @Test
    void timestampsBelow1e11AreSecondsAndAboveAreMilliseconds() {
        assertThat(Timestamps.parse("99999999999", false)).isEqualTo(99_999_999_999_000L);
        assertThat(Timestamps.parse("100000000000", false)).isEqualTo(100_000_000_000L);
        assertThat(Timestamps.parse("1.5", false)).isEqualTo(1500);
        assertThat(Timestamps.parse("", false)).isZero();
        assertThat(Timestamps.parse("2024-03-01", false))
                .isEqualTo(Instant.parse("2024-03-01T00:00:00Z").toEpochMilli());
        assertThat(Timestamps.parse("2024-03-01T13:00:00+01:00", false))
                .isEqualTo(Instant.parse("2024-03-01T12:00:00Z").toEpochMilli());
        assertThat(Timestamps.parse("2024-03-01T12:00:00", false))
                .isEqualTo(Instant.parse("2024-03-01T12:00:00Z").toEpochMilli());
        assertThatThrownBy(() -> Timestamps.parse("1.5", true))
                .hasMessageContaining("whole epoch seconds");
        assertThatThrownBy(() -> Timestamps.parse("yesterday", false))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void detectsFormatsFromTheFirstLine() {
        assertThat(InteractionFormat.detect("1::2::3::4")).contains(InteractionFormat.MOVIELENS_1M);
        assertThat(InteractionFormat.detect("1\t2\t3\t4"))
                .contains(InteractionFormat.MOVIELENS_100K);
        assertThat(InteractionFormat.detect("userId,movieId,rating,timestamp"))
                .contains(InteractionFormat.MOVIELENS_LATEST);
        assertThat(InteractionFormat.detect("user,item,weight")).contains(InteractionFormat.CSV);
        assertThat(InteractionFormat.detect("1 2 3 4")).isEmpty();
    }

    @Test
    void aForcedFormatOverridesDetection() {
        // a u.data line forced as CSV is one field, so bad; as 100K it reads
        assertThatThrownBy(
                        () ->
                                InteractionReader.builder()
                                        .optFormat(InteractionFormat.CSV)
                                        .build()
                                        .read(fixture("u.data")))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected 3 or 4 fields");
        assertThat(
                        read(
                                        InteractionReader.builder()
                                                .optFormat(InteractionFormat.MOVIELENS_1M)
                                                .build(),
                                        "1::2::3::4\n")
                                .format())
                .isEqualTo(InteractionFormat.MOVIELENS_1M);
    }

    @Test
    void rejectsUndetectableText() {
        assertThatThrownBy(() -> read(InteractionReader.defaults(), "1 2 3 4\n"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("cannot tell the format of test.csv");
    }

    @Test
    void namesTheFileLineAndProblemOfABadLine() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "user,item,weight,timestamp\na,x,1,5\n\nb,y,lots,6\n");

        assertThatThrownBy(() -> InteractionReader.defaults().read(file))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("line 4")
                .hasMessageContaining("the rating \"lots\" is not a number");
    }

    @Test
    void explainsEachKindOfBadLine() {
        InteractionReader r = InteractionReader.defaults();
        assertThatThrownBy(() -> read(r, "a,x,1\nb,y\n"))
                .hasMessageContaining("line 2: expected 3 or 4 fields");
        assertThatThrownBy(() -> read(r, "a,x,1\nb,y,0\n"))
                .hasMessageContaining("line 2: the rating must be a positive number, found 0");
        assertThatThrownBy(() -> read(r, "a,x,1\nb,y,-2\n"))
                .hasMessageContaining("must be a positive number, found -2");
        assertThatThrownBy(() -> read(r, "a,x,1\n,y,1\n"))
                .hasMessageContaining("line 2: the user id is missing");
        assertThatThrownBy(() -> read(r, "a,x,1\nb, ,1\n"))
                .hasMessageContaining("line 2: the item id is missing");
        assertThatThrownBy(() -> read(r, "a,x,1\nb,y,,\n"))
                .hasMessageContaining("line 2: the rating is missing");
        assertThatThrownBy(() -> read(r, "a,x,1\nb,y,1,soon\n"))
                .hasMessageContaining("line 2: timestamp \"soon\"");
        assertThatThrownBy(() -> read(r, "a,x,1\n\"b,y,1\n"))
                .hasMessageContaining("line 2: a quoted field is not closed");
        assertThatThrownBy(() -> read(r, "1::2::3\n"))
                .hasMessageContaining("line 1: expected 4 fields");
    }

    @Test
    void lenientReadsSkipAndCountBadLines() {
        InteractionReader lenient = InteractionReader.builder().optLenient(true).build();
        InteractionReader.Result r = read(lenient, "a,x,1\nb,y,zero\nc,z,0\nd,w,2,\n");

        assertThat(r.interactions()).extracting(Interaction::user).containsExactly("a", "d");
        assertThat(r.lines()).isEqualTo(4);
        assertThat(r.badLines()).isEqualTo(2);
        assertThat(r.problems())
                .containsExactly(
                        "line 2: the rating \"zero\" is not a number",
                        "line 3: the rating must be a positive number, found 0");
    }

    @Test
    void aLenientReadOfOnlyBadLinesStillFails() {
        InteractionReader lenient = InteractionReader.builder().optLenient(true).build();
        assertThatThrownBy(() -> read(lenient, "a,x,1,soon\nb,y,0\n"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("none of its 2 lines could be read")
                .hasMessageContaining("line 1");
    }

    @Test
    void keepsOnlyRatingsAtTheMinimumAndBinarises() {
        InteractionReader.Result r =
                InteractionReader.builder()
                        .optMinRating(4)
                        .optBinarise(true)
                        .build()
                        .read(fixture("ratings.dat"));

        assertThat(r.belowMinRating()).isEqualTo(2);
        assertThat(r.interactions())
                .extracting(Interaction::item)
                .containsExactly("1193", "1357", "3068", "1193");
        assertThat(r.interactions()).allMatch(x -> x.weight() == 1.0);
    }

    @Test
    void failsClearlyWhenTheMinimumDropsEverything() {
        InteractionReader strict = InteractionReader.builder().optMinRating(6).build();
        assertThatThrownBy(() -> read(strict, "a,x,1\nb,y,5\n"))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("2 of its 2 ratings are below the minimum 6.0");
    }

    @Test
    void rejectsEmptyFilesAndHeaderOnlyFiles() throws IOException {
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "\n  \n");
        Path header = dir.resolve("header.csv");
        Files.writeString(header, "user,item,weight,timestamp\n");

        assertThatThrownBy(() -> InteractionReader.defaults().read(empty))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining(empty + " is empty");
        assertThatThrownBy(() -> InteractionReader.defaults().read(header))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("has a header line but no interactions");
    }

    @Test
    void aMissingFileIsNotFound() {
        assertThatThrownBy(() -> InteractionReader.defaults().read(dir.resolve("none.csv")))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("none.csv");
    }

    @Test
    void readsGzippedFilesAndSharesRepeatedIds() throws IOException {
        Path file = dir.resolve("big.csv.gz");
        List<Interaction> many = new java.util.ArrayList<>();
        for (int k = 0; k < 20_000; k++) {
            many.add(new Interaction("u" + (k % 50), "i" + (k % 700), 1 + k % 5, 1000L * k));
        }
        InteractionWriter.write(file, many);

        InteractionReader.Result r = InteractionReader.defaults().read(file);

        assertThat(r.interactions()).isEqualTo(many);
        assertThat(r.interactions().get(50).user()).isSameAs(r.interactions().get(0).user());
    }

    @Test
    @Tag("slow")
    void streamsAMillionLines() throws IOException {
        Path file = dir.resolve("million.dat");
        try (java.io.Writer w = Files.newBufferedWriter(file)) {
            for (int k = 0; k < 1_000_000; k++) {
                w.write(
                        (k % 6040)
                                + "::"
                                + (k % 3706)
                                + "::"
                                + (1 + k % 5)
                                + "::"
                                + (978_300_000 + k)
                                + "\n");
            }
        }

        InteractionReader.Result r = InteractionReader.defaults().read(file);

        assertThat(r.interactions()).hasSize(1_000_000);
        assertThat(r.interactions().get(999_999))
                .isEqualTo(new Interaction("3399", "3085", 5, 1000L * (978_300_000 + 999_999)));
    }
}
