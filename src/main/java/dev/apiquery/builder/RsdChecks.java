package dev.apiquery.builder;

import dev.apiquery.profile.xml.XmlAttribute;
import dev.apiquery.profile.xml.XmlElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The lint's checks of one parsed RSD file: unknown keywords, duplicate columns, inputs the script
 * never uses, no URI, and paging attributes that cannot page.
 */
final class RsdChecks {
  /** CData's API Script keywords (the driver fails on the unsupported ones only when reached). */
  private static final Set<String> KEYWORDS = Set.of("script", "info", "set", "unset", "check", "if", "else",
      "exists", "equals", "notequals", "validate", "throw", "call", "push", "null", "notnull", "setc", "setm",
      "enum", "continue", "break", "case", "select", "default", "first", "last", "try", "catch", "finally",
      "include", "map", "redirect", "wait", "ifexists", "keyexists", "local", "imports", "import");
  private static final Set<String> STRATEGY = Set.of("pageurlpath", "pageurlparam", "nextpageurlpath",
      "pageoffsetparam", "pagenumberparam", "pagetokenpath", "pagingtokenpath", "nextpagetokenpath",
      "pagetokenfromrow");
  private static final Set<String> TOKEN_SOURCES = Set.of("pagetokenpath", "pagingtokenpath", "nextpagetokenpath",
      "pagetokenfromrow");
  private static final Set<String> TOKEN_PARAMS = Set.of("pagetokenparam", "pagingtokenparam");
  private static final Set<String> PAGING = Set.of("enablepaging", "pagesize", "pagesizeparam", "pagehasmorepath",
      "pageoffsetstart", "pagestartnumber", "pagetokenparam", "pagingtokenparam");

  private final Path file;
  private final List<LintFinding> findings;
  /** The script's {@code api:set}s by lower-cased attribute: the first one's element. */
  private final Map<String, XmlElement> sets = new LinkedHashMap<>();
  private final StringBuilder scriptText = new StringBuilder();
  private boolean pushesPageToken;

  RsdChecks(Path file, List<LintFinding> findings) {
    this.file = file;
    this.findings = findings;
  }

  void run(XmlElement document) {
    XmlElement root = document;
    for (XmlElement child : document.children()) {
      if (keyword(child).equals("api:script")) {
        root = child;
      }
    }
    List<XmlElement> infos = new ArrayList<>();
    walk(root, infos);
    for (XmlElement info : infos) {
      columnsAndInputs(info);
    }
    paging();
    if (!sets.containsKey("uri")) {
      findings.add(new LintFinding(file, root.line(), true, "no <api:set attr=\"URI\" .../>: the table has no request"));
    }
  }

  private void walk(XmlElement element, List<XmlElement> infos) {
    String keyword = keyword(element);
    if (keyword.startsWith("api:")) {
      String local = keyword.substring(4);
      if (!KEYWORDS.contains(local)) {
        findings.add(new LintFinding(file, element.line(), true, "unknown keyword <" + element.name() + ">"));
      }
      if (local.equals("info")) {
        infos.add(element);
        return;
      }
      collect(element, local);
    }
    for (XmlElement child : element.children()) {
      walk(child, infos);
    }
  }

  private void collect(XmlElement element, String local) {
    for (XmlAttribute a : element.attributes()) {
      scriptText.append(a.value()).append('\n');
    }
    scriptText.append(element.text()).append('\n');
    if (local.equals("set") && element.attribute("attr") != null) {
      String attr = element.attribute("attr").trim().toLowerCase(Locale.ROOT);
      if (element.attribute("item") != null || attr.contains(".")) {
        // an attribute of a named item (page.pagetoken for utiladoPushPageToken), not a setting
        pushesPageToken |= attr.equals("pagetoken") || attr.endsWith(".pagetoken");
      } else {
        sets.putIfAbsent(attr, element);
      }
    }
    String op = element.attribute("op");
    if (op != null && op.trim().equalsIgnoreCase("utiladoPushPageToken")) {
      pushesPageToken = true;
    }
  }

  private void columnsAndInputs(XmlElement info) {
    Map<String, XmlElement> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    List<XmlElement> inputs = new ArrayList<>();
    for (XmlElement child : info.children()) {
      String local = child.name().toLowerCase(Locale.ROOT).replaceFirst("^[^:]*:", "");
      String name = child.attribute("name") == null ? null : child.attribute("name").trim();
      if (local.equals("attr") && name != null) {
        XmlElement first = columns.putIfAbsent(name, child);
        if (first != null) {
          findings.add(new LintFinding(file, child.line(), true, "duplicate column '" + name + "' (first declared at line "
              + first.line() + " as '" + first.attribute("name").trim() + "')"));
        }
      } else if (local.equals("input") && name != null) {
        inputs.add(child);
      } else if (!local.equals("attr") && !local.equals("input")) {
        findings.add(new LintFinding(file, child.line(), false, "<" + child.name() + "> in <" + info.name()
            + "> is neither an attr nor an input: it is ignored"));
      }
    }
    String script = scriptText.toString().toLowerCase(Locale.ROOT);
    for (XmlElement input : inputs) {
      String name = input.attribute("name").trim();
      if (name.equalsIgnoreCase("rows@next") || input.attribute("other:filter", "filter") != null) {
        continue;
      }
      if (!script.matches("(?s).*\\[\\s*_input\\." + Pattern.quote(name.toLowerCase(Locale.ROOT))
          + "\\s*[\\]|].*")) {
        findings.add(new LintFinding(file, input.line(), false, "input '" + name + "' is never used: no [_input."
            + name + "] in the URI or the script and no other:filter, so WHERE " + name + " = ... changes no request"));
      }
    }
  }

  private void paging() {
    boolean strategy = STRATEGY.stream().anyMatch(sets::containsKey) || pushesPageToken;
    XmlElement enable = sets.get("enablepaging");
    if (enable != null && "false".equalsIgnoreCase(String.valueOf(enable.attribute("value")).trim())) {
      if (strategy) {
        warn(enable, "EnablePaging is false, so the paging attributes of this file are not used: one request");
      }
      return;
    }
    if (!strategy) {
      for (Map.Entry<String, XmlElement> e : sets.entrySet()) {
        if (PAGING.contains(e.getKey())) {
          warn(e.getValue(), e.getValue().attribute("attr").trim() + " is set but no paging strategy is (pageurlpath,"
              + " pageoffsetparam, pagenumberparam, pagetokenpath or pagetokenfromrow): the table makes one request");
          break;
        }
      }
    }
    boolean tokenSource = TOKEN_SOURCES.stream().anyMatch(sets::containsKey);
    boolean tokenParam = TOKEN_PARAMS.stream().anyMatch(sets::containsKey);
    if (tokenSource && !tokenParam) {
      XmlElement source = TOKEN_SOURCES.stream().map(sets::get).filter(e -> e != null).findFirst().orElseThrow();
      warn(source, source.attribute("attr").trim() + " is set without pagetokenparam: the token has no parameter to be"
          + " sent in, so the table cannot page");
    }
    if (tokenParam && !tokenSource && strategy) {
      XmlElement param = TOKEN_PARAMS.stream().map(sets::get).filter(e -> e != null).findFirst().orElseThrow();
      warn(param, "pagetokenparam is set without pagetokenpath or pagetokenfromrow: there is no token to send");
    }
    XmlElement hasMore = sets.get("pagehasmorepath");
    if (hasMore != null && strategy && !tokenSource) {
      warn(hasMore, "pagehasmorepath only applies to cursor paging (pagetokenpath or pagetokenfromrow)");
    }
    for (Map.Entry<String, XmlElement> e : sets.entrySet()) {
      String attr = e.getKey();
      if ((attr.startsWith("page") || attr.startsWith("paging") || attr.startsWith("nextpage"))
          && !STRATEGY.contains(attr) && !PAGING.contains(attr)) {
        warn(e.getValue(), "unknown paging attribute '" + e.getValue().attribute("attr").trim() + "' (see docs/paging.md)");
      }
    }
  }

  private void warn(XmlElement element, String message) {
    findings.add(new LintFinding(file, element.line(), false, message));
  }

  /** {@code api:set} for {@code api:set}, {@code API:Set} and the legacy {@code rsb:set}. */
  private static String keyword(XmlElement element) {
    String name = element.name().toLowerCase(Locale.ROOT);
    return name.startsWith("rsb:") ? "api:" + name.substring(4) : name;
  }
}
