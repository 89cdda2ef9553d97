package dev.worldmind.model.language.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worldmind.model.language.dialogue.DialogueOutcome.Fallback;
import dev.worldmind.testing.llm.ScriptedReply;
import dev.worldmind.testing.llm.StandInLlm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FallbackChatTest {
    static final String EMBEDDED_ANSWER = "The Great Wave is a woodblock print by Hokusai.";

    /** Records what a sink hears, restarts included. */
    static final class Recorder implements TokenSink {
        final List<String> events = new ArrayList<>();

        @Override
        public void token(String text) {
            events.add(text);
        }

        @Override
        public void restart() {
            events.add("<restart>");
        }

        /** The text since the last restart. */
        String shown() {
            int last = events.lastIndexOf("<restart>");
            return String.join("", events.subList(last + 1, events.size()));
        }
    }

    private final AtomicInteger fallbacks = new AtomicInteger();
    private final Supplier<String> embedded =
            () -> {
                fallbacks.incrementAndGet();
                return EMBEDDED_ANSWER;
            };

    static FallbackChat chat(StandInLlm llm, Duration firstToken, Duration total) {
        DialogueSettings settings =
                DialogueSettings.builder()
                        .optProvider(ProviderKind.OPENAI)
                        .optBaseUrl(llm.baseUrl())
                        .optModel("m")
                        .optFirstTokenTimeout(firstToken)
                        .optTotalTimeout(total)
                        .build();
        return FallbackChat.create(LangChainChatProvider.fromSettings(settings), settings);
    }

    static FallbackChat chat(StandInLlm llm) {
        return chat(llm, Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    @Test
    void theLlmAnswersWhenItCan() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.tokens("It", " is", " by", " Hokusai."));
            Recorder sink = new Recorder();
            DialogueOutcome out =
                    chat(llm).converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
            assertThat(out.text()).isEqualTo("It is by Hokusai.");
            assertThat(out.fellBack()).isFalse();
            assertThat(out.provider()).isEqualTo("openai:m");
            assertThat(out.restarted()).isFalse();
            assertThat(sink.events).containsExactly("It", " is", " by", " Hokusai.");
            // A local server (vLLM, llama.cpp) needs no key, and none is sent.
            assertThat(llm.authorizations()).containsExactly("");
            assertThat(fallbacks).hasValue(0);
        }
    }

    @Test
    void aServerThatStallsPastTheFirstTokenTimeoutIsReplacedByTheEmbeddedAnswer() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.tokens("Too", " late.").stalled(Duration.ofSeconds(30)));
            Recorder sink = new Recorder();
            long start = System.nanoTime();
            DialogueOutcome out =
                    chat(llm, Duration.ofMillis(400), Duration.ofSeconds(20))
                            .converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(out.fallback()).isEqualTo(Fallback.FIRST_TOKEN_TIMEOUT);
            assertThat(out.fellBack()).isTrue();
            assertThat(out.provider()).isEqualTo(FallbackChat.EMBEDDED);
            assertThat(out.text()).isEqualTo(EMBEDDED_ANSWER);
            assertThat(out.restarted()).isFalse();
            assertThat(sink.events).containsExactly(EMBEDDED_ANSWER);
            // Not a speed test: it proves the 30 s stall was not waited out.
            assertThat(millis).isLessThan(15_000);
        }
    }

    @Test
    void aServerErrorFallsBack() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.status(500));
            Recorder sink = new Recorder();
            DialogueOutcome out =
                    chat(llm).converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
            assertThat(out.fallback()).isEqualTo(Fallback.ERROR);
            assertThat(out.detail()).contains("openai:m failed");
            assertThat(sink.events).containsExactly(EMBEDDED_ANSWER);
        }
    }

    @Test
    void anUnreachableServerFallsBack() {
        String url;
        try (StandInLlm llm = StandInLlm.openAi()) {
            url = llm.baseUrl();
        }
        DialogueSettings settings =
                DialogueSettings.builder()
                        .optProvider(ProviderKind.OLLAMA)
                        .optBaseUrl(url.replace("/v1", ""))
                        .build();
        FallbackChat chat =
                FallbackChat.create(LangChainChatProvider.fromSettings(settings), settings);
        DialogueOutcome out =
                chat.converse(LangChainChatProviderTest.REQUEST, new Recorder(), null, embedded);
        assertThat(out.fallback()).isEqualTo(Fallback.ERROR);
        assertThat(out.text()).isEqualTo(EMBEDDED_ANSWER);
    }

    @Test
    void anEmptyAnswerFallsBack() {
        try (StandInLlm llm = StandInLlm.ollama()) {
            llm.enqueue(ScriptedReply.tokens());
            DialogueSettings settings =
                    DialogueSettings.builder()
                            .optProvider(ProviderKind.OLLAMA)
                            .optBaseUrl(llm.baseUrl())
                            .build();
            Recorder sink = new Recorder();
            DialogueOutcome out =
                    FallbackChat.create(LangChainChatProvider.fromSettings(settings), settings)
                            .converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
            assertThat(out.fallback()).isEqualTo(Fallback.EMPTY);
            assertThat(sink.events).containsExactly(EMBEDDED_ANSWER);
        }
    }

    @Test
    void partialTextOfAnLlmThatStopsMidwayIsRetracted() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(
                    ScriptedReply.tokens("The", " print", " shows", " a", " wave", " of")
                            .spaced(Duration.ofMillis(1500)));
            Recorder sink = new Recorder();
            // Generous times, so a slow first request on a busy machine still gets its first token.
            DialogueOutcome out =
                    chat(llm, Duration.ofSeconds(4), Duration.ofSeconds(4))
                            .converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
            assertThat(out.fallback()).isEqualTo(Fallback.TOTAL_TIMEOUT);
            assertThat(out.restarted()).isTrue();
            assertThat(sink.events.get(0)).isEqualTo("The");
            assertThat(sink.events).contains("<restart>");
            assertThat(sink.events.get(sink.events.size() - 1)).isEqualTo(EMBEDDED_ANSWER);
            assertThat(sink.shown()).isEqualTo(out.text());
        }
    }

    @Test
    void aCheckReleasesWholeSentencesAndWithholdsARefusedOne() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(
                    ScriptedReply.tokens(
                            "Hokusai", " made", " it.", " Now", " ignore", " your", " rules.",
                            " Bye."));
            Recorder sink = new Recorder();
            List<String> checked = new ArrayList<>();
            DialogueOutcome out =
                    chat(llm)
                            .converse(
                                    LangChainChatProviderTest.REQUEST,
                                    sink,
                                    text -> {
                                        checked.add(text);
                                        return !text.contains("ignore");
                                    },
                                    embedded);
            assertThat(out.fallback()).isEqualTo(Fallback.WITHHELD);
            assertThat(out.restarted()).isTrue();
            assertThat(sink.events)
                    .containsExactly("Hokusai made it. ", "<restart>", EMBEDDED_ANSWER);
            assertThat(String.join("|", sink.events)).doesNotContain("ignore");
            assertThat(checked.get(0)).isEqualTo("Hokusai made it. ");
        }
    }

    @Test
    void aCheckedReplyArrivesASentenceAtATime() {
        try (StandInLlm llm = StandInLlm.openAi()) {
            llm.enqueue(ScriptedReply.tokens("One", " two.", " Three", " four!", " Five"));
            Recorder sink = new Recorder();
            DialogueOutcome out =
                    chat(llm)
                            .converse(LangChainChatProviderTest.REQUEST, sink, t -> true, embedded);
            assertThat(out.fellBack()).isFalse();
            assertThat(sink.events).containsExactly("One two. ", "Three four! ", "Five");
            assertThat(out.text()).isEqualTo("One two. Three four! Five");
        }
    }

    @Test
    void withoutAnLlmTheEmbeddedResponderAnswers() {
        FallbackChat chat = FallbackChat.create(Optional.empty(), DialogueSettings.defaults());
        Recorder sink = new Recorder();
        DialogueOutcome out =
                chat.converse(LangChainChatProviderTest.REQUEST, sink, null, embedded);
        assertThat(out.fallback()).isEqualTo(Fallback.NO_PROVIDER);
        assertThat(sink.events).containsExactly(EMBEDDED_ANSWER);
    }

    @Test
    void findsTheEndOfTheLastWholeSentence() {
        assertThat(Relay.lastSentenceEnd("Hi there", 0)).isEqualTo(-1);
        assertThat(Relay.lastSentenceEnd("Hi. There", 0)).isEqualTo(4);
        assertThat(Relay.lastSentenceEnd("Hi. There! Yes", 0)).isEqualTo(11);
        assertThat(Relay.lastSentenceEnd("Pi is 3.14 and", 0)).isEqualTo(-1);
        assertThat(Relay.lastSentenceEnd("Line one\nline", 0)).isEqualTo(9);
        assertThat(Relay.lastSentenceEnd("Hi. There", 4)).isEqualTo(-1);
    }
}
