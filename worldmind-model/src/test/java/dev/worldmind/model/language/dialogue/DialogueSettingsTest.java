package dev.worldmind.model.language.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worldmind.core.InvalidDataException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DialogueSettingsTest {
    @Test
    void defaultsUseTheEmbeddedResponderOnly() {
        DialogueSettings d = DialogueSettings.defaults();
        assertThat(d.provider()).isEqualTo(ProviderKind.NONE);
        assertThat(d.usesLlm()).isFalse();
        assertThat(d.memoryTurns()).isPositive();
        assertThat(d.retrievalK()).isPositive();
        assertThat(d.totalTimeout()).isGreaterThanOrEqualTo(d.firstTokenTimeout());
    }

    @Test
    void fillsInEachProvidersDefaultUrlAndModel() {
        DialogueSettings ollama =
                DialogueSettings.builder().optProvider(ProviderKind.OLLAMA).build();
        assertThat(ollama.effectiveBaseUrl()).isEqualTo("http://localhost:11434");
        assertThat(ollama.effectiveModel()).isEqualTo(DialogueSettings.OLLAMA_MODEL);
        DialogueSettings vllm =
                ollama.toBuilder()
                        .optProvider(ProviderKind.OPENAI)
                        .optBaseUrl("http://gpu-box:8000/v1")
                        .optModel("qwen2.5-7b")
                        .build();
        assertThat(vllm.effectiveBaseUrl()).isEqualTo("http://gpu-box:8000/v1");
        assertThat(vllm.effectiveModel()).isEqualTo("qwen2.5-7b");
    }

    @Test
    void neverPrintsTheApiKey() {
        DialogueSettings s =
                DialogueSettings.builder()
                        .optProvider(ProviderKind.OPENAI)
                        .optApiKey("sk-secret-value")
                        .build();
        assertThat(s.toString()).doesNotContain("sk-secret-value").contains("apiKey=set");
    }

    @Test
    void rejectsBadValuesWithClearMessages() {
        assertThatThrownBy(() -> DialogueSettings.builder().optTemperature(3).build())
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("temperature");
        assertThatThrownBy(() -> DialogueSettings.builder().optBaseUrl("ftp://x").build())
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> DialogueSettings.builder().optMaxTokens(0).build())
                .hasMessageContaining("max tokens");
        assertThatThrownBy(
                        () ->
                                DialogueSettings.builder()
                                        .optFirstTokenTimeout(Duration.ofSeconds(20))
                                        .optTotalTimeout(Duration.ofSeconds(5))
                                        .build())
                .hasMessageContaining("shorter than the first-token timeout");
        assertThatThrownBy(() -> DialogueSettings.builder().optRetrievalK(0).build())
                .hasMessageContaining("retrieval k");
        assertThatThrownBy(() -> ProviderKind.fromValue("gemini"))
                .hasMessageContaining("none, openai or ollama");
        assertThat(ProviderKind.fromValue(" Ollama ")).isEqualTo(ProviderKind.OLLAMA);
    }
}
