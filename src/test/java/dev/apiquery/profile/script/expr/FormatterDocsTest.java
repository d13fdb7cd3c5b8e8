package dev.apiquery.profile.script.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/rsd.md documents exactly the formatters the driver has: none missing, none invented. */
class FormatterDocsTest {
  @Test
  void theFormattersSectionListsEveryFormatterAndNoOther() throws IOException {
    String docs = Files.readString(Path.of("docs", "rsd.md"));
    int start = docs.indexOf("\n## Formatters");
    assertTrue(start >= 0, "docs/rsd.md has no Formatters section");
    int end = docs.indexOf("\n## ", start + 1);
    String section = docs.substring(start, end < 0 ? docs.length() : end);
    // The first cell of each table row names the formatters it documents.
    Matcher name = Pattern.compile("`([a-z0-9]+)(?:\\(|`)").matcher("");
    List<String> documented = section.lines()
        .filter(line -> line.startsWith("| `"))
        .map(line -> line.substring(0, line.indexOf(" |", 2)))
        .flatMap(cell -> name.reset(cell).results().map(m -> m.group(1)).toList().stream())
        .distinct().sorted().toList();
    assertEquals(Formatters.names().stream().sorted().collect(Collectors.toList()), documented);
  }
}
