package dev.worldmind.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's {@code --help} as a user reads it: no picocli warning (an unescaped {@code %}),
 * and each subcommand's line in its parent's list is a whole sentence, not the first line of a
 * paragraph cut off mid-sentence.
 */
class HelpTextTest {
    @Test
    void everyHelpPrintsWholeSentencesAndNoWarnings() {
        List<String> problems = new ArrayList<>();
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            visit(new CommandLine(new WorldmindCli()), problems);
        } finally {
            System.setErr(stderr);
        }
        assertThat(problems).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }

    private static void visit(CommandLine cli, List<String> problems) {
        StringWriter help = new StringWriter();
        cli.usage(new PrintWriter(help));
        String name = cli.getCommandSpec().qualifiedName(" ");
        for (CommandLine sub : cli.getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            String first = description.length == 0 ? "" : description[0].strip();
            if (!first.endsWith(".") && !first.endsWith(")") && !first.endsWith(":")) {
                problems.add(name + " lists " + sub.getCommandName() + " as: " + first);
            }
        }
        if (help.toString().contains("%n") || help.toString().contains("picocli")) {
            problems.add(name + " --help: " + help);
        }
        cli.getSubcommands().values().stream()
                .filter(sub -> sub.getParent() == cli)
                .forEach(sub -> visit(sub, problems));
    }
}
