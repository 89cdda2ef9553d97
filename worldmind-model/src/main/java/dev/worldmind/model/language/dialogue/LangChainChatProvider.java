package dev.worldmind.model.language.dialogue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.worldmind.core.InvalidDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link ChatProvider} over a LangChain4j {@link StreamingChatModel}: an OpenAI-compatible
 * chat-completions server or an Ollama server. Thread-safe, as the LangChain4j models are.
 */
public final class LangChainChatProvider implements ChatProvider {
    private final String name;
    private final StreamingChatModel model;

    private LangChainChatProvider(String name, StreamingChatModel model) {
        this.name = Objects.requireNonNull(name, "name");
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Returns the provider the settings ask for.
     *
     * @param settings the dialogue settings
     * @return the provider, or empty for {@link ProviderKind#NONE}
     */
    public static Optional<ChatProvider> fromSettings(DialogueSettings settings) {
        return switch (settings.provider()) {
            case NONE -> Optional.empty();
            case OPENAI -> Optional.of(openAi(settings));
            case OLLAMA -> Optional.of(ollama(settings));
        };
    }

    /**
     * Returns a provider for an OpenAI-compatible server ({@code POST {baseUrl}/chat/completions}
     * with {@code "stream": true}): OpenAI itself, vLLM, llama.cpp's server, LM Studio and others.
     * The HTTP timeout is the settings' total timeout; the first-token timeout is {@link
     * FallbackChat}'s business.
     *
     * @param settings the base URL, model, API key, temperature, token limit and timeout
     */
    public static LangChainChatProvider openAi(DialogueSettings settings) {
        OpenAiStreamingChatModel.OpenAiStreamingChatModelBuilder b =
                OpenAiStreamingChatModel.builder()
                        .baseUrl(settings.effectiveBaseUrl())
                        .modelName(settings.effectiveModel())
                        .temperature(settings.temperature())
                        .maxTokens(settings.maxTokens())
                        .timeout(settings.totalTimeout());
        if (!settings.apiKey().isEmpty()) {
            b.apiKey(settings.apiKey());
        }
        return new LangChainChatProvider("openai:" + settings.effectiveModel(), build(b::build));
    }

    /**
     * Returns a provider for an Ollama server ({@code POST {baseUrl}/api/chat}, streamed as
     * newline-delimited JSON).
     *
     * @param settings the base URL, model, temperature, token limit and timeout
     */
    public static LangChainChatProvider ollama(DialogueSettings settings) {
        return new LangChainChatProvider(
                "ollama:" + settings.effectiveModel(),
                build(
                        () ->
                                OllamaStreamingChatModel.builder()
                                        .baseUrl(settings.effectiveBaseUrl())
                                        .modelName(settings.effectiveModel())
                                        .temperature(settings.temperature())
                                        .numPredict(settings.maxTokens())
                                        .timeout(settings.totalTimeout())
                                        .build()));
    }

    /**
     * Wraps any LangChain4j streaming model.
     *
     * @param name the provider and model, e.g. {@code azure:gpt-4o}
     * @param model the model
     */
    public static LangChainChatProvider of(String name, StreamingChatModel model) {
        return new LangChainChatProvider(name, model);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ChatStream stream(DialogueRequest request, ChatListener listener) {
        Stream stream = new Stream(listener);
        ChatRequest chat = ChatRequest.builder().messages(messages(request)).build();
        try {
            model.chat(chat, stream);
        } catch (RuntimeException e) {
            // Some failures (a malformed request) are thrown rather than reported.
            stream.onError(e);
        }
        return stream;
    }

    @Override
    public String toString() {
        return "LangChainChatProvider[" + name + "]";
    }

    static List<ChatMessage> messages(DialogueRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        if (!request.systemPrompt().isBlank()) {
            messages.add(SystemMessage.from(request.systemPrompt()));
        }
        for (DialogueTurn turn : request.history()) {
            messages.add(
                    switch (turn.speaker()) {
                        case USER -> UserMessage.from(turn.text());
                        case CHARACTER -> AiMessage.from(turn.text());
                    });
        }
        messages.add(UserMessage.from(request.userMessage()));
        return messages;
    }

    private interface ModelFactory {
        StreamingChatModel build();
    }

    private static StreamingChatModel build(ModelFactory factory) {
        try {
            return factory.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidDataException("dialogue settings: " + e.getMessage(), e);
        }
    }

    /** One streamed answer: forwards LangChain4j's callbacks until cancelled. */
    private static final class Stream implements ChatStream, StreamingChatResponseHandler {
        private final ChatListener listener;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();

        Stream(ChatListener listener) {
            this.listener = listener;
        }

        @Override
        public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            StreamingHandle h = context.streamingHandle();
            if (h != null && handle.compareAndSet(null, h) && cancelled.get()) {
                h.cancel();
            }
            token(partial.text());
        }

        @Override
        public void onPartialResponse(String partial) {
            token(partial);
        }

        private void token(String text) {
            if (!cancelled.get() && !done.get() && text != null && !text.isEmpty()) {
                listener.onToken(text);
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (!cancelled.get() && done.compareAndSet(false, true)) {
                AiMessage message = response == null ? null : response.aiMessage();
                String text = message == null || message.text() == null ? "" : message.text();
                listener.onComplete(text);
            }
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled.get() && done.compareAndSet(false, true)) {
                listener.onError(error);
            }
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                StreamingHandle h = handle.get();
                if (h != null) {
                    h.cancel();
                }
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
