package dev.worldmind.model.language.dialogue;

import dev.worldmind.core.InvalidDataException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

/**
 * How characters talk: which LLM (if any) answers, with what limits, and how much memory and
 * knowledge goes into each prompt. {@link #defaults()} uses no LLM, so characters answer with the
 * embedded responder alone. Build other settings with {@link #builder()}.
 *
 * @param provider which LLM answers; {@link ProviderKind#NONE} for the embedded responder only
 * @param baseUrl the server's base URL, or empty for the provider's default ({@value #OPENAI_URL},
 *     {@value #OLLAMA_URL})
 * @param model the model name, or empty for the provider's default ({@value #OPENAI_MODEL}, {@value
 *     #OLLAMA_MODEL})
 * @param apiKey the API key, or empty for servers that need none; never printed (see {@link
 *     #toString()}), read from {@value #API_KEY_ENV} by the server
 * @param temperature sampling temperature, in [0, 2]
 * @param maxTokens the most tokens in one reply, 1 to 4096
 * @param firstTokenTimeout how long to wait for the LLM's first token before falling back
 * @param totalTimeout how long the whole reply may take before falling back; at least the
 *     first-token timeout
 * @param memoryTurns how many earlier turns with the same user go into the prompt, 0 to 50
 * @param retrievalK how many knowledge passages go into the prompt, 1 to 10
 */
public record DialogueSettings(
        ProviderKind provider,
        String baseUrl,
        String model,
        String apiKey,
        double temperature,
        int maxTokens,
        Duration firstTokenTimeout,
        Duration totalTimeout,
        int memoryTurns,
        int retrievalK) {
    /** The environment variable the API key is read from. */
    public static final String API_KEY_ENV = "WORLDMIND_DIALOGUE_API_KEY";

    /** The OpenAI provider's default base URL. */
    public static final String OPENAI_URL = "https://api.openai.com/v1";

    /** The Ollama provider's default base URL. */
    public static final String OLLAMA_URL = "http://localhost:11434";

    /** The OpenAI provider's default model. */
    public static final String OPENAI_MODEL = "gpt-4o-mini";

    /** The Ollama provider's default model. */
    public static final String OLLAMA_MODEL = "llama3.2";

    public DialogueSettings {
        Objects.requireNonNull(provider, "provider");
        baseUrl = baseUrl == null ? "" : baseUrl.strip();
        model = model == null ? "" : model.strip();
        apiKey = apiKey == null ? "" : apiKey.strip();
        if (!baseUrl.isEmpty()) {
            checkUrl(baseUrl);
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw invalid("temperature lies in [0, 2], not " + temperature);
        }
        if (maxTokens < 1 || maxTokens > 4096) {
            throw invalid("max tokens is 1 to 4096, not " + maxTokens);
        }
        positive(firstTokenTimeout, "first-token timeout");
        positive(totalTimeout, "total timeout");
        if (totalTimeout.compareTo(firstTokenTimeout) < 0) {
            throw invalid(
                    "the total timeout ("
                            + totalTimeout
                            + ") is shorter than the first-token timeout ("
                            + firstTokenTimeout
                            + ")");
        }
        if (memoryTurns < 0 || memoryTurns > 50) {
            throw invalid("memory turns is 0 to 50, not " + memoryTurns);
        }
        if (retrievalK < 1 || retrievalK > 10) {
            throw invalid("retrieval k is 1 to 10, not " + retrievalK);
        }
    }

    /** Returns the defaults: no LLM, so the embedded responder answers everything. */
    public static DialogueSettings defaults() {
        return builder().build();
    }

    /** Returns a builder that starts from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder()
                .optProvider(provider)
                .optBaseUrl(baseUrl)
                .optModel(model)
                .optApiKey(apiKey)
                .optTemperature(temperature)
                .optMaxTokens(maxTokens)
                .optFirstTokenTimeout(firstTokenTimeout)
                .optTotalTimeout(totalTimeout)
                .optMemoryTurns(memoryTurns)
                .optRetrievalK(retrievalK);
    }

    /** Returns whether an LLM is configured. */
    public boolean usesLlm() {
        return provider != ProviderKind.NONE;
    }

    /** Returns the base URL to use: the configured one or the provider's default. */
    public String effectiveBaseUrl() {
        if (!baseUrl.isEmpty()) {
            return baseUrl;
        }
        return switch (provider) {
            case OPENAI -> OPENAI_URL;
            case OLLAMA -> OLLAMA_URL;
            case NONE -> "";
        };
    }

    /** Returns the model to use: the configured one or the provider's default. */
    public String effectiveModel() {
        if (!model.isEmpty()) {
            return model;
        }
        return switch (provider) {
            case OPENAI -> OPENAI_MODEL;
            case OLLAMA -> OLLAMA_MODEL;
            case NONE -> "";
        };
    }

    /** Shows every setting but the API key, which is only said to be set or not. */
    @Override
    public String toString() {
        return "DialogueSettings[provider="
                + provider.value()
                + ", baseUrl="
                + effectiveBaseUrl()
                + ", model="
                + effectiveModel()
                + ", apiKey="
                + (apiKey.isEmpty() ? "none" : "set")
                + ", temperature="
                + temperature
                + ", maxTokens="
                + maxTokens
                + ", firstTokenTimeout="
                + firstTokenTimeout
                + ", totalTimeout="
                + totalTimeout
                + ", memoryTurns="
                + memoryTurns
                + ", retrievalK="
                + retrievalK
                + "]";
    }

    private static void checkUrl(String url) {
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw invalid("the dialogue base URL must be http(s)://host..., not " + url);
            }
        } catch (URISyntaxException e) {
            throw invalid("the dialogue base URL is not a URL: " + url);
        }
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw invalid("the " + what + " must be positive, not " + d);
        }
    }

    private static InvalidDataException invalid(String message) {
        return new InvalidDataException("dialogue settings: " + message);
    }

    /** Builds {@link DialogueSettings}; every value starts at its default. */
    public static final class Builder {
        private ProviderKind provider = ProviderKind.NONE;
        private String baseUrl = "";
        private String model = "";
        private String apiKey = "";
        private double temperature = 0.7;
        private int maxTokens = 256;
        private Duration firstTokenTimeout = Duration.ofSeconds(10);
        private Duration totalTimeout = Duration.ofSeconds(45);
        private int memoryTurns = 8;
        private int retrievalK = 3;

        private Builder() {}

        /**
         * Sets the provider (default none).
         *
         * @param provider the provider
         */
        public Builder optProvider(ProviderKind provider) {
            this.provider = provider;
            return this;
        }

        /**
         * Sets the base URL (default: the provider's).
         *
         * @param baseUrl the URL, or empty
         */
        public Builder optBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /**
         * Sets the model (default: the provider's).
         *
         * @param model the model name, or empty
         */
        public Builder optModel(String model) {
            this.model = model;
            return this;
        }

        /**
         * Sets the API key (default none).
         *
         * @param apiKey the key, or empty
         */
        public Builder optApiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /**
         * Sets the temperature (default 0.7).
         *
         * @param temperature in [0, 2]
         */
        public Builder optTemperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /**
         * Sets the most tokens per reply (default 256).
         *
         * @param maxTokens 1 to 4096
         */
        public Builder optMaxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /**
         * Sets the first-token timeout (default 10 s).
         *
         * @param timeout positive
         */
        public Builder optFirstTokenTimeout(Duration timeout) {
            this.firstTokenTimeout = timeout;
            return this;
        }

        /**
         * Sets the total timeout (default 45 s).
         *
         * @param timeout at least the first-token timeout
         */
        public Builder optTotalTimeout(Duration timeout) {
            this.totalTimeout = timeout;
            return this;
        }

        /**
         * Sets how many earlier turns go into the prompt (default 8).
         *
         * @param turns 0 to 50
         */
        public Builder optMemoryTurns(int turns) {
            this.memoryTurns = turns;
            return this;
        }

        /**
         * Sets how many passages go into the prompt (default 3).
         *
         * @param k 1 to 10
         */
        public Builder optRetrievalK(int k) {
            this.retrievalK = k;
            return this;
        }

        /**
         * Checks and builds the settings.
         *
         * @throws InvalidDataException naming the first bad value
         */
        public DialogueSettings build() {
            return new DialogueSettings(
                    provider,
                    baseUrl,
                    model,
                    apiKey,
                    temperature,
                    maxTokens,
                    firstTokenTimeout,
                    totalTimeout,
                    memoryTurns,
                    retrievalK);
        }
    }
}
