package dev.apiquery.builder;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ProfileLoader;
import dev.apiquery.profile.xml.LenientXmlParser;
import dev.apiquery.profile.xml.XmlElement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code profile check}: loads every {@code .rsd} file of a folder on its own (so one broken file
 * does not hide the others' problems) and runs the lint's own checks ({@link RsdChecks}).
 */
public final class ProfileLint {
  private ProfileLint() {}

  /** The {@code .rsd} files the driver reads from {@code folder} (or the one file), sorted. */
  public static List<Path> files(Path folder) throws IOException {
    if (Files.isRegularFile(folder)) {
      return List.of(folder);
    }
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(p -> {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".rsd") && !name.startsWith("sys_") && Files.isRegularFile(p);
      }).sorted().toList();
    }
  }

  /** Every finding of one file, by line. */
  public static List<LintFinding> check(Path file) throws IOException {
    List<LintFinding> findings = new ArrayList<>();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    XmlElement document;
    try {
      document = LenientXmlParser.parse(file.getFileName().toString(), text);
    } catch (ProfileException e) {
      findings.add(fromLoader(file, e));
      return findings;
    }
    new RsdChecks(file, findings).run(document);
    try {
      ProfileLoader.load(file.toString());
    } catch (ProfileException e) {
      LintFinding loaded = fromLoader(file, e);
      // the lint's own check may have said the same of the same line (a duplicate column)
      if (findings.stream().noneMatch(f -> f.error() && f.line() == loaded.line())) {
        findings.add(loaded);
      }
    }
    findings.sort(Comparator.comparingInt(LintFinding::line));
    return findings;
  }

  private static LintFinding fromLoader(Path file, ProfileException e) {
    int line = e.location() == null ? 0 : e.location().line();
    String message = e.getMessage();
    String prefix = e.location() == null ? null : e.location() + ": ";
    if (prefix != null && message.startsWith(prefix)) {
      message = message.substring(prefix.length());
    }
    return new LintFinding(file, line, true, message);
  }
}
