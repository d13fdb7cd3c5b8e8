package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.BlockStatement;
import dev.apiquery.profile.script.EnumStatement;
import dev.apiquery.profile.script.MapStatement;
import dev.apiquery.profile.script.SelectStatement;
import dev.apiquery.profile.script.SetStatement;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.expr.Template;
import dev.apiquery.profile.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles the keywords that set many attributes or branch many ways: {@code api:setm},
 * {@code api:map}, {@code api:enum}, {@code api:select}.
 */
final class FlowKeywords {
  /** A name in an api:map string; any other character ends a name (CData's rule). */
  private static final Pattern MAP_NAME = Pattern.compile("[A-Za-z0-9_:#@.*-]+");

  private final ScriptCompiler compiler;

  FlowKeywords(ScriptCompiler compiler) {
    this.compiler = compiler;
  }

  /**
   * {@code api:setm}: one attribute per line of its content, written {@code name = value}
   * ({@code item} applies to every line).
   */
  Statement setMany(XmlElement element) throws ProfileException {
    String item = RsdNames.trimmed(element.attribute("item"));
    List<Statement> sets = new ArrayList<>();
    for (String line : element.text().split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw compiler.error(element, "<" + element.name() + "> line '" + line.strip()
            + "' is not 'name = value'");
      }
      sets.add(new SetStatement(compiler.at(element), item, line.substring(0, eq).trim(),
          Template.parse(line.substring(eq + 1).trim(), compiler.at(element))));
    }
    return new BlockStatement(compiler.at(element), sets);
  }

  /**
   * {@code api:map}: the {@code map} string is a succession of destination and source attribute
   * names ({@code "attr1=var1, attr2=var2"}); a name ending in {@code *} maps a prefix.
   */
  Statement map(XmlElement element) throws ProfileException {
    String to = RsdNames.trimmed(element.attribute("to"));
    String from = RsdNames.trimmed(element.attribute("from"));
    String map = element.attribute("map");
    if (to == null || from == null || map == null) {
      throw compiler.error(element, "<" + element.name() + "> needs to, from and map attributes");
    }
    List<String> names = new ArrayList<>();
    Matcher matcher = MAP_NAME.matcher(map);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    if (names.isEmpty() || names.size() % 2 != 0) {
      throw compiler.error(element, "<" + element.name() + "> map '" + map
          + "' is not a list of destination = source attribute names");
    }
    List<MapStatement.Pair> pairs = new ArrayList<>();
    for (int i = 0; i < names.size(); i += 2) {
      MapStatement.Pair pair = new MapStatement.Pair(names.get(i), names.get(i + 1));
      if (!starEndsName(pair.to()) || !starEndsName(pair.from())
          || pair.to().endsWith("*") != pair.from().endsWith("*")) {
        throw compiler.error(element, "<" + element.name() + "> map pair '" + pair.to() + " = "
            + pair.from() + "': a * may only end both names");
      }
      pairs.add(pair);
    }
    return new MapStatement(compiler.at(element), to, from, pairs);
  }

  private static boolean starEndsName(String name) {
    int star = name.indexOf('*');
    return star < 0 || star == name.length() - 1;
  }

  Statement enumeration(XmlElement element) throws ProfileException {
    String separator = element.attribute("separator", "sep");
    separator = separator == null || separator.isEmpty() ? "," : separator;
    EnumStatement.Kind kind = null;
    String source = null;
    for (EnumStatement.Kind k : EnumStatement.Kind.values()) {
      String value = element.attribute(k.name().toLowerCase(Locale.ROOT));
      if (value != null) {
        if (kind != null) {
          throw compiler.error(element, "<" + element.name() + "> takes one of list, range, attr or item");
        }
        kind = k;
        source = value;
      }
    }
    if (kind == null) {
      throw compiler.error(element, "<" + element.name() + "> needs a list, range, attr or item attribute");
    }
    return new EnumStatement(compiler.at(element), kind, Template.parse(source, compiler.at(element)), separator,
        compiler.compileLoopBody(element.children()));
  }

  Statement select(XmlElement element) throws ProfileException {
    List<SelectStatement.Case> cases = new ArrayList<>();
    List<Statement> otherwise = List.of();
    for (XmlElement child : element.children()) {
      if (RsdNames.is(child, "api:case")) {
        String match = RsdNames.trimmed(child.attribute("match"));
        match = match == null ? "exact" : match.toLowerCase(Locale.ROOT);
        if (!List.of("exact", "glob", "regex").contains(match)) {
          throw compiler.error(child, "api:case match must be exact, glob or regex, not '" + match + "'");
        }
        cases.add(new SelectStatement.Case(compiler.template(child, "value"), match,
            compiler.compileBlock(child.children())));
      } else if (RsdNames.is(child, "api:default")) {
        otherwise = compiler.compileBlock(child.children());
      } else if (RsdNames.isScriptKeyword(child)) {
        throw compiler.error(child, "<" + child.name() + "> inside api:select: only api:case and api:default may be there");
      }
    }
    return new SelectStatement(compiler.at(element), compiler.template(element, "value"), cases, otherwise);
  }
}
