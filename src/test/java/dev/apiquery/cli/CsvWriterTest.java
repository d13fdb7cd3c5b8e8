package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvWriterTest {
  @Test
  void headerQuotingAndNull() throws Exception {
    String csv = Rows.print(new CsvWriter(),
        "SELECT * FROM (VALUES (1, 'a,b', TRUE, CAST(NULL AS VARCHAR))) AS t(\"id\", \"name\", \"flag\", \"empty\")");
    assertEquals("id,name,flag,empty\r\n1,\"a,b\",true,\r\n", csv);
  }

  @Test
  void quotesDoubledAndLineBreaksKeptInsideQuotes() throws Exception {
    String csv = Rows.print(new CsvWriter(), "SELECT 'say \"hi\"' AS \"a,b\", U&'two\\000alines' AS l,"
        + " 'plain text' AS p, '' AS e, CAST(1234.50 AS DECIMAL(10, 2)) AS amount,"
        + " TIMESTAMP '2024-01-02 03:04:05' AS ts");
    assertEquals("\"a,b\",L,P,E,AMOUNT,TS\r\n"
        + "\"say \"\"hi\"\"\",\"two\nlines\",plain text,,1234.50,2024-01-02 03:04:05\r\n", csv);
  }

  @Test
  void noRowsIsJustTheHeader() throws Exception {
    assertEquals("X\r\n", Rows.print(new CsvWriter(), "SELECT * FROM (VALUES (1)) AS t(x) WHERE x > 1"));
  }
}
