package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TableWriterTest {
  @Test
  void oneRow() throws Exception {
    String table = Rows.print(new TableWriter(),
        "SELECT * FROM (VALUES (1, 'a,b', TRUE, CAST(NULL AS VARCHAR))) AS t(\"id\", \"name\", \"flag\", \"empty\")");
    assertEquals(""
        + "id | name | flag | empty\n"
        + "---+------+------+------\n"
        + " 1 | a,b  | true | NULL\n"
        + "(1 row)\n", table.replace("\r\n", "\n"));
  }

  @Test
  void widthsFromTheDataNumbersRightAligned() throws Exception {
    String table = Rows.print(new TableWriter(), "SELECT * FROM (VALUES"
        + " (7, CAST('Anna Schmidt' AS VARCHAR), CAST(1250.50 AS DECIMAL(10, 2))),"
        + " (12, CAST('Li' AS VARCHAR), CAST(0.40 AS DECIMAL(10, 2)))) AS t(\"id\", \"name\", \"balance\")");
    assertEquals(""
        + "id | name         | balance\n"
        + "---+--------------+--------\n"
        + " 7 | Anna Schmidt | 1250.50\n"
        + "12 | Li           |    0.40\n"
        + "(2 rows)\n", table.replace("\r\n", "\n"));
  }

  @Test
  void longValuesCutAndLineBreaksEscaped() throws Exception {
    String table = Rows.print(new TableWriter(),
        "SELECT '" + "x".repeat(70) + "' AS long_text, U&'a\\000ab' AS two_lines");
    String cut = "x".repeat(57) + "...";
    assertEquals(""
        + "LONG_TEXT" + " ".repeat(51) + " | TWO_LINES\n"
        + "-".repeat(60) + "-+-" + "-".repeat(9) + "\n"
        + cut + " | a\\nb\n"
        + "(1 row)\n", table.replace("\r\n", "\n"));
  }

  @Test
  void noRows() throws Exception {
    String table = Rows.print(new TableWriter(), "SELECT * FROM (VALUES (1)) AS t(\"x\") WHERE \"x\" > 1");
    assertEquals("x\n-\n(0 rows)\n", table.replace("\r\n", "\n"));
  }

  @Test
  void fitKeepsShortTextAndCutsAtSixty() {
    assertEquals("abc", TableWriter.fit("abc"));
    assertEquals("y".repeat(60), TableWriter.fit("y".repeat(60)));
    assertEquals("y".repeat(57) + "...", TableWriter.fit("y".repeat(61)));
    assertEquals("tab\\there", TableWriter.fit("tab\there"));
  }
}
