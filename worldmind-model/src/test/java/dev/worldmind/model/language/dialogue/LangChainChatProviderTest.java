package dev.worldmind.model.language.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.worldmind.data.conversation.Speaker;
import dev.worldmind.testing.llm.ScriptedReply;
import dev.worldmind.testing.llm.StandInLlm;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LangChainChatProviderTest {
    static final DialogueRequest REQUEST =
            new DialogueRequest(
                    "You are Iris, the museum guide.",
                    List.of(
                            new DialogueTurn(Speaker.USER, "Hi, I'm Ada."),
                            new DialogueTurn(Speaker.CHARACTER, "Welcome, Ada!")),
                    "Tell me about the Great Wave.");

    /** Collects one stream's events. */
    static final class Collector implements ChatListener {
        final List<String> tokens = new CopyOnWriteArrayList<>();
        final CompletableFuture<String> done = new CompletableFuture<>();

        @Override
        public void onToken(String token) {
            tokens.add(token);
        }

        @Override
        public void onComplete(String text) {
            done.complete(text);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        String await() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }
    }

    static DialogueSettings settings(ProviderKind kind, String url) {
        return DialogueSettings.builder()
                .optProvider(kind)
                .optBaseUrl(url)
                .optModel("stand-in-model")
                .optApiKey("sk-test-123")
                .optTemperature(0.3)
                .optMaxTokens(77)
                .build();
    }

    @Test
    void streamsTokensInOrderFromAnOpenAiCompatibleServer() throws Exception {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.tokens("The", " Great", " Wave", " is", " a", " print."));
            ChatProvider provider =
                    LangChainChatProvider.fromSettings(settings(ProviderKind.OPENAI, llm.baseUrl()))
                            .orElseThrow();
            assertThat(provider.name()).isEqualTo("openai:stand-in-model");
            Collector c = new Collector();
            provider.stream(REQUEST, c);
            assertThat(c.await()).isEqualTo("The Great Wave is a print.");
            assertThat(c.tokens).containsExactly("The", " Great", " Wave", " is", " a", " print.");

            JsonNode sent = llm.requests().get(0);
            assertThat(sent.path("model").asText()).isEqualTo("stand-in-model");
            assertThat(sent.path("stream").asBoolean()).isTrue();
            assertThat(sent.path("temperature").asDouble()).isEqualTo(0.3);
            assertThat(sent.path("max_tokens").asInt()).isEqualTo(77);
            assertThat(llm.authorizations()).containsExactly("Bearer sk-test-123");
            assertThat(roles(llm.lastMessages()))
                    .containsExactly("system", "user", "assistant", "user");
            assertThat(llm.lastMessages().get(0).path("content").asText())
                    .isEqualTo("You are Iris, the museum guide.");
            assertThat(llm.lastMessages().get(3).path("content").asText())
                    .isEqualTo("Tell me about the Great Wave.");
        }
    }

    @Test
    void streamsTokensInOrderFromOllama() throws Exception {
        // Also proves langchain4j-ollama 1.18.1 runs against langchain4j-core 1.19.0.
        try (StandInLlm llm = StandInLlm.ollama()) {
            llm.enqueue(ScriptedReply.tokens("Hokusai", " made", " it", "."));
            ChatProvider provider =
                    LangChainChatProvider.fromSettings(settings(ProviderKind.OLLAMA, llm.baseUrl()))
                            .orElseThrow();
            assertThat(provider.name()).isEqualTo("ollama:stand-in-model");
            Collector c = new Collector();
            provider.stream(REQUEST, c);
            assertThat(c.await()).isEqualTo("Hokusai made it.");
            assertThat(c.tokens).containsExactly("Hokusai", " made", " it", ".");

            JsonNode sent = llm.requests().get(0);
            assertThat(sent.path("model").asText()).isEqualTo("stand-in-model");
            assertThat(sent.path("options").path("num_predict").asInt()).isEqualTo(77);
            assertThat(sent.path("options").path("temperature").asDouble()).isEqualTo(0.3);
            assertThat(roles(llm.lastMessages()))
                    .containsExactly("system", "user", "assistant", "user");
        }
    }

    @Test
    void reportsAServerErrorToTheListener() throws Exception {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.status(500));
            ChatProvider provider =
                    LangChainChatProvider.openAi(settings(ProviderKind.OPENAI, llm.baseUrl()));
            Collector c = new Collector();
            provider.stream(REQUEST, c);
            assertThat(c.done).failsWithin(Duration.ofSeconds(20));
            assertThat(c.tokens).isEmpty();
        }
    }

    @Test
    void aCancelledStreamFallsSilent() throws Exception {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(
                    ScriptedReply.tokens("one", " two", " three", " four")
                            .spaced(Duration.ofMillis(300)));
            ChatProvider provider =
                    LangChainChatProvider.openAi(settings(ProviderKind.OPENAI, llm.baseUrl()));
            Collector c = new Collector();
            ChatStream stream = provider.stream(REQUEST, c);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (c.tokens.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            stream.cancel();
            assertThat(stream.isCancelled()).isTrue();
            int heard = c.tokens.size();
            Thread.sleep(1200);
            assertThat(c.tokens).hasSize(heard);
            assertThat(c.done).isNotDone();
        }
    }

    @Test
    void noProviderMeansNoLlm() {
        assertThat(LangChainChatProvider.fromSettings(DialogueSettings.defaults())).isEmpty();
    }

    private static List<String> roles(List<JsonNode> messages) {
        return messages.stream().map(m -> m.path("role").asText()).toList();
    }
}
