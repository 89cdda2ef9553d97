package dev.worldmind.model.language.retrieval;

import dev.worldmind.core.WorldmindException;
import dev.worldmind.model.language.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * Passages searched two ways at once: by meaning (MiniLM vectors, as in {@link KnowledgeIndex}) and
 * by words (Apache Lucene's BM25 over English-stemmed title and text), so that a rare name or an
 * exact term that embeddings blur ("astrolabe", "French press") still finds its passage. Every
 * sentence of every passage is embedded once at build time, so answering needs one embedding (the
 * question's). Immutable and thread-safe; the embedder must stay open while the index is used.
 */
public final class HybridIndex implements AutoCloseable {
    private static final String TEXT = "text";
    private static final String ORDINAL = "ordinal";
    private static final int BM25_DEPTH = 50;

    private final KnowledgeIndex dense;
    private final List<List<String>> sentences;
    private final List<float[][]> sentenceVectors;
    private static final CharArraySet STOP_WORDS = stopWords();

    private final Analyzer analyzer = new EnglishAnalyzer(STOP_WORDS);
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private HybridIndex(KnowledgeIndex dense, ByteBuffersDirectory directory) throws IOException {
        this.dense = dense;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        List<List<String>> s = new ArrayList<>();
        List<float[][]> v = new ArrayList<>();
        for (Passage p : dense.passages()) {
            List<String> own = Chunker.sentences(p.text());
            s.add(List.copyOf(own));
            v.add(own.isEmpty() ? new float[0][] : dense.embedder().embed(own));
        }
        this.sentences = List.copyOf(s);
        this.sentenceVectors = List.copyOf(v);
    }

    /**
     * Indexes passages for both kinds of search.
     *
     * @param passages the passages, with unique ids
     * @param embedder the sentence embedder (stays the caller's)
     * @return the index; close it to free Lucene's memory
     */
    public static HybridIndex build(List<Passage> passages, TextEmbedder embedder) {
        KnowledgeIndex dense = KnowledgeIndex.build(passages, embedder);
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer =
                new IndexWriter(
                        directory, new IndexWriterConfig(new EnglishAnalyzer(STOP_WORDS)))) {
            for (int i = 0; i < dense.passages().size(); i++) {
                Passage p = dense.passages().get(i);
                Document doc = new Document();
                doc.add(new TextField(TEXT, p.title() + ". " + p.text(), Field.Store.NO));
                doc.add(new StoredField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.commit();
            return new HybridIndex(dense, directory);
        } catch (IOException e) {
            throw new WorldmindException("cannot build the keyword index: " + e.getMessage(), e);
        }
    }

    /** Lucene's English stop words and the function words and chat fillers of our resource. */
    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        try (InputStream in = HybridIndex.class.getResourceAsStream("function-words.txt")) {
            if (in == null) {
                throw new WorldmindException("function-words.txt is missing from the classpath");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String content = line.replaceFirst("#.*", "").strip();
                for (String w : content.isEmpty() ? new String[0] : content.split("\\s+")) {
                    words.add(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return CharArraySet.unmodifiableSet(words);
    }

    /**
     * One passage's scores for a query.
     *
     * @param passage the passage
     * @param ordinal its position in {@link #passages()}
     * @param meaning cosine similarity of question and passage (MiniLM)
     * @param words BM25 score divided by the most the query's terms could score, in [0, 1]: the
     *     share of the question's (rarity-weighted) terms the passage contains
     */
    public record Hit(Passage passage, int ordinal, double meaning, double words) {
        public Hit {
            Objects.requireNonNull(passage, "passage");
        }

        /**
         * Returns the hybrid score.
         *
         * @param wordWeight how much the keyword score counts beside the meaning score
         */
        public double score(double wordWeight) {
            return meaning + wordWeight * words;
        }
    }

    /**
     * Scores every passage for a question.
     *
     * @param query the question
     * @param queryVector its embedding from this index's embedder
     * @return one hit per passage, in passage order
     */
    public List<Hit> score(String query, float[] queryVector) {
        List<RetrievalHit> byMeaning = dense.search(queryVector, dense.size());
        double[] meaning = new double[dense.size()];
        Map<Passage, Integer> ordinals = new HashMap<>();
        for (int i = 0; i < dense.size(); i++) {
            ordinals.put(dense.passages().get(i), i);
        }
        for (RetrievalHit h : byMeaning) {
            meaning[ordinals.get(h.passage())] = h.score();
        }
        // A short question can match one sentence well and its whole passage poorly ("how much
        // is a ticket" and "Entry is free for everyone."): a passage means what its best part
        // means.
        for (int i = 0; i < meaning.length; i++) {
            for (float[] v : sentenceVectors.get(i)) {
                meaning[i] = Math.max(meaning[i], TextEmbedder.cosine(queryVector, v));
            }
        }
        double[] words = keywordScores(query);
        List<Hit> hits = new ArrayList<>(dense.size());
        for (int i = 0; i < dense.size(); i++) {
            hits.add(new Hit(dense.passages().get(i), i, meaning[i], words[i]));
        }
        return hits;
    }

    /**
     * Returns the best passages for a question by the hybrid score.
     *
     * @param query the question
     * @param queryVector its embedding
     * @param wordWeight how much the keyword score counts
     * @param k how many at most
     */
    public List<Hit> search(String query, float[] queryVector, double wordWeight, int k) {
        List<Hit> hits = new ArrayList<>(score(query, queryVector));
        hits.sort(Comparator.comparingDouble((Hit h) -> h.score(wordWeight)).reversed());
        return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
    }

    private double[] keywordScores(String query) {
        double[] out = new double[dense.size()];
        List<String> terms = terms(query);
        if (terms.isEmpty() || dense.size() == 0) {
            return out;
        }
        try {
            BooleanQuery.Builder q = new BooleanQuery.Builder();
            double most = 0;
            int n = reader.numDocs();
            for (String t : new LinkedHashSet<>(terms)) {
                q.add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD);
                int df = reader.docFreq(new Term(TEXT, t));
                // BM25's idf; a term no passage has counts as the rarest possible.
                most += Math.log(1 + (n - df + 0.5) / (df + 0.5));
            }
            for (ScoreDoc d : searcher.search(q.build(), BM25_DEPTH).scoreDocs) {
                int ordinal =
                        searcher.storedFields()
                                .document(d.doc)
                                .getField(ORDINAL)
                                .numericValue()
                                .intValue();
                out[ordinal] = Math.min(1, d.score / most);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns a text's search terms: lowercased, English stop words dropped, stemmed (Lucene's
     * English analyzer), in order.
     *
     * @param text any text
     */
    public List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * Returns how many passages contain a term.
     *
     * @param term a term as {@link #terms} returns it
     */
    public int documentFrequency(String term) {
        try {
            return reader.docFreq(new Term(TEXT, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns the terms of a text that no passage contains.
     *
     * @param text any text
     */
    public Set<String> unknownTerms(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String t : terms(text)) {
            if (documentFrequency(t) == 0) {
                unknown.add(t);
            }
        }
        return unknown;
    }

    /**
     * Returns a passage's sentences.
     *
     * @param ordinal the passage's position in {@link #passages()}
     */
    public List<String> sentences(int ordinal) {
        return sentences.get(ordinal);
    }

    /**
     * Returns the embeddings of a passage's sentences, in sentence order.
     *
     * @param ordinal the passage's position in {@link #passages()}
     */
    public float[][] sentenceVectors(int ordinal) {
        return sentenceVectors.get(ordinal);
    }

    /** Returns the passages. */
    public List<Passage> passages() {
        return dense.passages();
    }

    /** Returns the dense index inside, for callers that only search by meaning. */
    public KnowledgeIndex dense() {
        return dense;
    }

    /** Returns the embedder. */
    public TextEmbedder embedder() {
        return dense.embedder();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            analyzer.close();
        }
    }
}
