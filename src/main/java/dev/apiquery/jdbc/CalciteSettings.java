package dev.apiquery.jdbc;

import java.util.Properties;

/** The Calcite connection properties every apiquery connection uses. */
final class CalciteSettings {
  private CalciteSettings() {}

  static Properties properties() {
    Properties p = new Properties();
    // MYSQL_ANSI: double-quoted identifiers, unquoted ones matched case-insensitively and kept
    // as written, so `select name from repos` finds Repos.Name (Calcite's default, ORACLE,
    // upper-cases unquoted names and breaks every lower-case JSON name).
    p.setProperty("lex", "MYSQL_ANSI");
    // Babel's grammar (most SQL keywords non-reserved), so API names such as search, groups,
    // start, value, user or year work as table and column names without quotes.
    // Named as text: a class literal would load the parser (and Babel's, a large class) at every
    // connect, and a plain query (PlainPrepare) never parses.
    p.setProperty("parserFactory", "dev.apiquery.jdbc.KeywordFriendlyParser#FACTORY");
    // A profile's schema has no materialized views, so Calcite's view-matching rules and passes
    // could never apply; with them on, every first statement still built them (and Calcite's
    // whole CoreRules with them) in a fresh JVM.
    p.setProperty("materializationsEnabled", "false");
    return p;
  }
}
