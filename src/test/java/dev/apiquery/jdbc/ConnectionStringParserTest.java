package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStringParserTest {
  @Test
  void splitsKeyValuePairs() throws SQLException {
    Map<String, String> m = ConnectionStringParser.parse("Profile=/a/b.rsd;Timeout=30");
    assertEquals(List.of("Profile", "Timeout"), List.copyOf(m.keySet()));
    assertEquals("/a/b.rsd", m.get("Profile"));
    assertEquals("30", m.get("Timeout"));
  }

  @Test
  void equalsInsideUnquotedValueIsKept() throws SQLException {
    Map<String, String> m = ConnectionStringParser.parse("CustomHeaders=X-Api-Key:abc==;A=b=c");
    assertEquals("X-Api-Key:abc==", m.get("CustomHeaders"));
    assertEquals("b=c", m.get("a"));
  }

  @Test
  void quotedValuesMayHoldSemicolonsAndEquals() throws SQLException {
    Map<String, String> m =
        ConnectionStringParser.parse(
            "Profile='C:\\rsd\\users;v2.rsd';CustomHeaders=\"Authorization: Bearer a=b;c\"");
    assertEquals("C:\\rsd\\users;v2.rsd", m.get("profile"));
    assertEquals("Authorization: Bearer a=b;c", m.get("customheaders"));
  }

  @Test
  void doubledQuoteInsideQuotedValueIsOneQuote() throws SQLException {
    assertEquals("it's", ConnectionStringParser.parse("Q='it''s'").get("Q"));
    assertEquals("say \"hi\"", ConnectionStringParser.parse("Q=\"say \"\"hi\"\"\"").get("Q"));
    // the other quote kind needs no doubling
    assertEquals("it's", ConnectionStringParser.parse("Q=\"it's\"").get("Q"));
  }

  @Test
  void quotesInsideUnquotedValueAreLiteral() throws SQLException {
    assertEquals("a'b\"c", ConnectionStringParser.parse("Q=a'b\"c").get("Q"));
  }

  @Test
  void whitespaceAroundKeysAndValuesIsTrimmedButKeptInsideQuotes() throws SQLException {
    Map<String, String> m =
        ConnectionStringParser.parse("  Profile = x ; Other= 2 ;Q=' padded '  ");
    assertEquals("x", m.get("Profile"));
    assertEquals("2", m.get("Other"));
    assertEquals(" padded ", m.get("Q"));
  }

  @Test
  void trailingAndEmptySegmentsAreIgnored() throws SQLException {
    Map<String, String> m = ConnectionStringParser.parse(";;A=1;; ;B=2;");
    assertEquals(Map.of("A", "1", "B", "2"), Map.copyOf(m));
    assertTrue(ConnectionStringParser.parse("").isEmpty());
    assertTrue(ConnectionStringParser.parse(null).isEmpty());
  }

  @Test
  void emptyValueIsKept() throws SQLException {
    Map<String, String> m = ConnectionStringParser.parse("A=;B=''");
    assertEquals("", m.get("A"));
    assertEquals("", m.get("B"));
  }

  @Test
  void keysAreCaseInsensitiveAndTheLastRepeatWinsWithItsSpelling() throws SQLException {
    Map<String, String> m = ConnectionStringParser.parse("profile=x;Timeout=5;PROFILE=y");
    assertEquals(2, m.size());
    assertEquals("y", m.get("Profile"));
    assertEquals("y", m.get("profile"));
    assertEquals(List.of("PROFILE", "Timeout"), List.copyOf(m.keySet()));
  }

  @Test
  void segmentsReportRawSpans() throws SQLException {
    String text = "A=1; B = 'x;y' ;C=z";
    List<ConnectionStringParser.Segment> s = ConnectionStringParser.segments(text, "t");
    assertEquals(3, s.size());
    assertEquals("'x;y'", text.substring(s.get(1).rawStart(), s.get(1).rawEnd()));
    assertTrue(s.get(1).quoted());
    assertEquals("z", text.substring(s.get(2).rawStart(), s.get(2).rawEnd()));
    assertFalse(s.get(2).quoted());
  }

  @Test
  void segmentWithoutEqualsFailsNamingIt() {
    SQLException e =
        assertThrows(SQLException.class, () -> ConnectionStringParser.parse("Profile=x;oops;B=1"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'oops'"), e.getMessage());
    assertTrue(e.getMessage().contains("segment 2"), e.getMessage());
  }

  @Test
  void segmentWithoutEqualsAfterASecretIsNotEchoed() {
    // the typical cause: a ';' inside an unquoted password
    SQLException e =
        assertThrows(
            SQLException.class, () -> ConnectionStringParser.parse("Password=abc;tail4242;B=1"));
    assertFalse(e.getMessage().contains("tail4242"), e.getMessage());
    assertTrue(e.getMessage().contains("after Password"), e.getMessage());
  }

  @Test
  void emptyKeyFails() {
    SQLException e = assertThrows(SQLException.class, () -> ConnectionStringParser.parse("=x"));
    assertTrue(e.getMessage().contains("empty name"), e.getMessage());
  }

  @Test
  void unterminatedQuoteFailsNamingTheKeyOnly() {
    SQLException e =
        assertThrows(
            SQLException.class, () -> ConnectionStringParser.parse("Password='s3cr3t;A=1"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("Password"), e.getMessage());
    assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
  }

  @Test
  void textAfterClosingQuoteFails() {
    SQLException e =
        assertThrows(SQLException.class, () -> ConnectionStringParser.parse("Q='it's';A=1"));
    assertTrue(e.getMessage().contains("after the closing quote of Q"), e.getMessage());
  }

  @Test
  void unquoteStripsOneLevelOfMatchingQuotes() {
    assertEquals("APIKey=abc;User=me;", ConnectionStringParser.unquote("'APIKey=abc;User=me;'"));
    assertEquals("'x'", ConnectionStringParser.unquote("\"'x'\""));
    assertEquals("it's", ConnectionStringParser.unquote("'it''s'"));
    assertEquals("'half", ConnectionStringParser.unquote("'half"));
    assertEquals("a", ConnectionStringParser.unquote("  a "));
  }

  @Test
  void formatReadsBack() throws SQLException {
    Map<String, String> original =
        Map.of("A", "x;y", "B", "it's", "C", "plain=1", "D", " pad", "E", "say \"hi\" it's");
    Map<String, String> back =
        ConnectionStringParser.parse(
            ConnectionStringParser.format(new java.util.TreeMap<>(original)));
    assertEquals(original, Map.copyOf(back));
  }
}
