package dev.apiquery.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A token of a {@link PlainSelect}: a word, a quoted name (escapes undone), a number, or one of
 * {@code * , . = < > <= >=}. Reading stops at anything else (a comment, a string, another
 * operator): such a text is not plain.
 */
record PlainToken(char kind, String text) {
  static final char WORD = 'w';
  static final char QUOTED = 'q';
  static final char NUMBER = 'n';
  static final char COMPARISON = 'c';

  /** The tokens of the text, or null if it holds anything else (comments, strings, operators, ...). */
  static List<PlainToken> read(String sql) {
    List<PlainToken> tokens = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '*' || c == ',' || c == '.' || c == '=') {
        tokens.add(new PlainToken(c, String.valueOf(c)));
        i++;
      } else if (c == '<' || c == '>') {
        boolean orEqual = i + 1 < n && sql.charAt(i + 1) == '=';
        tokens.add(new PlainToken(COMPARISON, orEqual ? c + "=" : String.valueOf(c)));
        i += orEqual ? 2 : 1;
      } else if (isLetter(c)) {
        int start = i;
        while (i < n && (isLetter(sql.charAt(i)) || isDigit(sql.charAt(i)))) {
          i++;
        }
        tokens.add(new PlainToken(WORD, sql.substring(start, i)));
      } else if (isDigit(c)) {
        int start = i;
        while (i < n && isDigit(sql.charAt(i))) {
          i++;
        }
        if (i < n && (isLetter(sql.charAt(i)) || sql.charAt(i) == '.')) {
          return null; // 1e3, 1.5, 10rows: Calcite's to read
        }
        tokens.add(new PlainToken(NUMBER, sql.substring(start, i)));
      } else if (c == '"') {
        StringBuilder name = new StringBuilder();
        i++;
        while (true) {
          if (i >= n) {
            return null; // unterminated
          }
          char q = sql.charAt(i);
          if (q == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
            name.append('"');
            i += 2;
          } else if (q == '"') {
            i++;
            break;
          } else if (q < ' ' || q > '~') {
            return null; // control or non-ASCII: case rules Calcite applies, not this reader
          } else {
            name.append(q);
            i++;
          }
        }
        tokens.add(new PlainToken(QUOTED, name.toString()));
      } else {
        return null;
      }
    }
    return tokens;
  }

  private static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
