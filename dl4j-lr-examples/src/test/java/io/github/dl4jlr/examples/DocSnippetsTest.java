package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every Java snippet of the README, the docs and the library's javadoc compiles against the library, as a reader would
 * paste it into a method of their own code: a renamed class, builder method or argument type fails here with its page
 * and line, not in a newcomer's IDE. The snippets use what {@link DocSnippetContext} supplies; a line that is only {@code ...} (and perhaps a
 * comment) stands for the reader's own code. They are compiled, not run.
 */
class DocSnippetsTest {

    /** The packages a reader imports for the snippets: the library's, DL4J's, ND4J's and Spark's. */
    private static final List<String> IMPORTS = List.of(
            "io.github.dl4jlr.control.*", "io.github.dl4jlr.finder.*", "io.github.dl4jlr.monitor.*",
            "io.github.dl4jlr.schedule.*", "io.github.dl4jlr.tuning.*", "io.github.dl4jlr.tuning.spark.*",
            "io.github.dl4jlr.updater.*", "org.deeplearning4j.nn.conf.*", "org.deeplearning4j.nn.multilayer.*",
            "org.nd4j.linalg.learning.config.*", "org.nd4j.linalg.schedule.*", "org.apache.spark.*",
            "org.apache.spark.api.java.*", "java.nio.file.Path", "org.deeplearning4j.nn.transferlearning.*",
            "org.deeplearning4j.nn.conf.layers.*", "org.nd4j.linalg.activations.*", "org.nd4j.linalg.lossfunctions.*");

    /** A line that is only {@code ...}, perhaps with a comment: the reader's own code. */
    private static final Pattern READERS_CODE = Pattern.compile("\\s*\\.\\.\\.\\s*(//.*)?");

    @Test
    void everyJavaSnippetOfTheDocsCompiles(@TempDir Path out) throws Exception {
        List<DocBlocks.Block> snippets = DocBlocks.all().stream()
                .filter(b -> b.language().equals("java")).collect(Collectors.toList());
        assertTrue(snippets.size() >= 15, "the pages show about 16 Java snippets, found " + snippets.size());
        List<String> errors = compile(snippets, out);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void everyUsageExampleOfTheJavadocCompiles(@TempDir Path out) throws Exception {
        List<DocBlocks.Block> snippets = DocBlocks.javadoc();
        assertTrue(snippets.size() >= 15, "the javadoc shows about 18 usage examples, found " + snippets.size());
        List<String> errors = compile(snippets, out);
        assertTrue(errors.isEmpty(), String.join("\n", errors));
    }

    @Test
    void aSnippetThatNamesAMissingMethodFailsWithItsPage(@TempDir Path out) throws Exception {
        DocBlocks.Block broken = new DocBlocks.Block("docs/finder.md", 12, "java",
                List.of("LrFinderResult r = LearningRateFinder.builder().startRate(1e-7).build().find(net, train);"));
        List<String> errors = compile(List.of(broken), out);
        assertFalse(errors.isEmpty(), "a method the builder lacks does not compile");
        assertTrue(errors.get(0).startsWith("docs/finder.md:13: "), errors.get(0));
        assertTrue(errors.get(0).contains("startRate"), errors.get(0));
    }

    /** The compiler's errors, each as "page:line: message", with the line in the page. */
    private static List<String> compile(List<DocBlocks.Block> snippets, Path out) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            fail("the tests need a JDK, not a JRE: no system Java compiler");
        }
        List<Source> sources = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            sources.add(new Source("Snippet" + i, snippets.get(i)));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", out.toString(), "-proc:none", "-Xlint:none");
            javac.getTask(null, files, diagnostics, options, null, sources).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() instanceof Source s) {
                long line = s.block.line() + d.getLineNumber() - Source.PREAMBLE_LINES;
                errors.add(s.block.page() + ":" + line + ": " + d.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    /** One snippet as the body of a method of a {@link DocSnippetContext} subclass. */
    private static final class Source extends SimpleJavaFileObject {

        /** The lines before the snippet's first line: package, imports, class and method headers. */
        static final int PREAMBLE_LINES = IMPORTS.size() + 3;

        final DocBlocks.Block block;
        private final String code;

        Source(String name, DocBlocks.Block block) {
            super(URI.create("string:///io/github/dl4jlr/examples/" + name + ".java"), Kind.SOURCE);
            this.block = block;
            StringBuilder c = new StringBuilder("package io.github.dl4jlr.examples;\n");
            IMPORTS.forEach(i -> c.append("import ").append(i).append(";\n"));
            c.append("class ").append(name).append(" extends DocSnippetContext {\n");
            c.append("void snippet() throws Exception {\n");
            for (String line : block.lines()) {
                c.append(READERS_CODE.matcher(line).matches() ? "" : line).append('\n');
            }
            c.append("}\n}\n");
            this.code = c.toString();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
