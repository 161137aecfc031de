package io.oriole.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Content-Security-Policy allows scripts and styles from Oriole's own files only, so a page that carries code in
 * its markup silently stops working in the browser. This keeps templates and static pages free of it.
 */
class NoInlineCodeTests {

    private static final Pattern INLINE_CODE = Pattern.compile(
            "<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)[^>]*>|<style\\b|\\son[a-z]+\\s*=|\\shx-on[:-]|\\sstyle\\s*=|"
                    + "href\\s*=\\s*\"javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void templatesAndStaticPagesCarryNoScriptOrStyleInTheirMarkup() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/resources/templates"), Path.of("src/main/resources/static"))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                    Matcher m = INLINE_CODE.matcher(Files.readString(file));
                    while (m.find()) {
                        found.add(root.relativize(file) + ": " + m.group().trim());
                    }
                }
            }
        }

        assertThat(found).isEmpty();
    }

    @Test
    void theCheckCatchesEachKindOfInlineCode() {
        assertThat(List.of("<script>alert(1)</script>", "<style>p{}</style>", "<select onchange=\"go()\">",
                "<form hx-on::after-request=\"x()\">", "<p style=\"color:red\">", "<a href=\"javascript:x()\">"))
                .allMatch(html -> INLINE_CODE.matcher(html).find());
        assertThat(List.of("<script th:src=\"@{/js/a.js}\"></script>", "<script src=\"/widget.js\" async>",
                "<link rel=\"stylesheet\" href=\"/css/a.css\">"))
                .noneMatch(html -> INLINE_CODE.matcher(html).find());
    }
}
