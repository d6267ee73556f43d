package io.github.dl4jlr.examples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the README and the pages under {@code docs/} leads somewhere: to a file of the repository,
 * and, with a {@code #fragment} into a page, to one of that page's headings as GitHub names them. A newcomer who
 * follows a link gets the page and the section it promises.
 */
class DocLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$");
    private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]*)\\]\\([^)]*\\)");

    /** A link as written, the page it is on and the line, from 1. */
    record Link(String page, int line, String target) {
    }

    @Test
    void everyRelativeLinkLeadsToAFileAndEveryFragmentToAHeading() throws IOException {
        Path root = DocBlocks.root();
        List<Path> pages = DocBlocks.pages();
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (Path page : pages) {
            List<String> prose = prose(Files.readAllLines(page));
            anchors.put(page, anchors(prose));
            for (int i = 0; i < prose.size(); i++) {
                Matcher m = LINK.matcher(prose.get(i));
                while (m.find()) {
                    links.add(new Link(root.relativize(page).toString(), i + 1, m.group(1)));
                }
            }
        }
        assertTrue(links.size() >= 100, "the pages link to each other about 150 times, found " + links.size());
        List<String> broken = new ArrayList<>();
        for (Link link : links) {
            String target = link.target();
            if (target.matches("^[a-z]+:.*")) {
                continue; // https:, mailto:
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path page = root.resolve(link.page());
            Path to = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
            if (!Files.exists(to)) {
                broken.add(link + ": no file " + root.relativize(to));
            } else if (hash >= 0 && anchors.containsKey(to)
                    && !anchors.get(to).contains(target.substring(hash + 1))) {
                broken.add(link + ": no heading " + target.substring(hash + 1) + " on " + root.relativize(to));
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void headingsAreNamedTheWayGitHubNamesThem() {
        assertEquals("a-search-at-a-stated-price", slug("A search at a stated price"));
        assertEquals("the-ratio-band-and-when-it-does-not-apply", slug("The ratio band, and when it does not apply"));
        assertEquals("fixed-after-the-dna-and-ionosphere-runs-and-held-out-again",
                slug("Fixed after the DNA and ionosphere runs, and held out again"));
        assertEquals("with-the-monitor", slug("With the `monitor`"));
        assertEquals("3-cut-by-10", slug("3× cut by 10"));
    }

    /** The page's lines with those of fenced code blocks blanked, so that line numbers stay. */
    private static List<String> prose(List<String> lines) {
        List<String> prose = new ArrayList<>();
        boolean fenced = false;
        for (String l : lines) {
            boolean fence = l.startsWith("```");
            prose.add(fenced || fence ? "" : l);
            if (fence) {
                fenced = !fenced;
            }
        }
        return prose;
    }

    /** The fragments of a page's headings; a repeated heading gets -1, -2, ... as on GitHub. */
    private static Set<String> anchors(List<String> prose) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String l : prose) {
            Matcher m = HEADING.matcher(l);
            if (m.matches()) {
                String s = slug(INLINE_LINK.matcher(m.group(1)).replaceAll("$1"));
                int n = seen.merge(s, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? s : s + "-" + n);
            }
        }
        return anchors;
    }

    /** GitHub's fragment of a heading: lower case, letters, digits, spaces as hyphens, underscores and hyphens. */
    static String slug(String heading) {
        StringBuilder s = new StringBuilder();
        for (char c : heading.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                s.append(c);
            } else if (c == ' ') {
                s.append('-');
            }
        }
        return s.toString();
    }
}
