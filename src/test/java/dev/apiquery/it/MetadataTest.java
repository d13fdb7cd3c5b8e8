package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Metadata comes from the profile alone: not one HTTP request. */
class MetadataTest extends ApiTestSupport {

  @BeforeEach
  void setUp() throws Exception {
    writeProfile("Accounts", """
        <api:script xmlns:api="http://apiscript.com/ns?v1" xmlns:xs="http://www.w3.org/2001/XMLSchema">
          <api:info title="Accounts" desc="Customer accounts" xmlns:other="http://apiscript.com/ns?v1">
            <attr name="Id" xs:type="string" key="true" columnsize="18" desc="Account id"/>
            <attr name="Region" xs:type="string" key="true"/>
            <attr name="Name" xs:type="string" desc="Display name"/>
            <attr name="Revenue" xs:type="decimal" columnsize="14" decimaldigits="2"/>
            <attr name="Created" xs:type="datetime"/>
            <input name="Since" xs:type="date" required="true" desc="Only accounts changed since"/>
          </api:info>
          <api:script method="GET">
            <api:set attr="URI" value="${BASE}/accounts"/>
            <api:call op="jsonproviderGet"><api:push/></api:call>
          </api:script>
        </api:script>
        """);
    writeProfile("Contacts", rsd("<attr name=\"Email\" xs:type=\"string\"/>", "${BASE}/contacts", ""));
  }

  @Test
  void tablesColumnsKeysAndTypesComeFromTheProfile() throws Exception {
    String schema = profileDir.getFileName().toString();
    try (Connection c = connect()) {
      DatabaseMetaData md = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, schema, "%", null)) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_NAME") + "|" + rs.getString("TABLE_TYPE") + "|" + rs.getString("REMARKS"));
        }
      }
      // In TABLE_TYPE, TABLE_CAT, TABLE_SCHEM, TABLE_NAME order, as JDBC specifies.
      assertEquals(List.of("Accounts|TABLE|Customer accounts", "Contacts|TABLE|Test table"), tables);

      List<String> columns = new ArrayList<>();
      List<String> sizes = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, schema, "Accounts", "%")) {
        while (rs.next()) {
          columns.add(rs.getString("COLUMN_NAME") + "|" + rs.getInt("DATA_TYPE") + "|" + rs.getInt("COLUMN_SIZE")
              + "|" + rs.getString("REMARKS"));
          sizes.add(rs.getString("TYPE_NAME") + "|" + rs.getObject("COLUMN_SIZE") + "|" + rs.getObject("DECIMAL_DIGITS")
              + "|" + rs.getObject("CHAR_OCTET_LENGTH"));
        }
      }
      assertEquals("Id|" + Types.VARCHAR + "|18|Account id", columns.get(0));
      assertEquals("Name|" + Types.VARCHAR + "|" + Integer.MAX_VALUE + "|Display name", columns.get(2));
      assertEquals("Revenue|" + Types.DECIMAL + "|14|null", columns.get(3));
      assertEquals("Created|" + Types.TIMESTAMP + "|23|null", columns.get(4));
      // Bare type names; COLUMN_SIZE, DECIMAL_DIGITS and CHAR_OCTET_LENGTH as JDBC defines them.
      assertEquals(List.of("VARCHAR|18|null|72", "VARCHAR|" + Integer.MAX_VALUE + "|null|" + Integer.MAX_VALUE,
          "VARCHAR|" + Integer.MAX_VALUE + "|null|" + Integer.MAX_VALUE, "DECIMAL|14|2|null", "TIMESTAMP|23|3|null",
          "DATE|10|null|null", "BIGINT|19|0|null"), sizes);
      assertTrue(columns.get(5).startsWith("Since|" + Types.DATE + "|"), columns.get(5));
      assertTrue(columns.get(5).contains("Only accounts changed since"), columns.get(5));
      assertTrue(columns.get(5).contains("required"), columns.get(5));
      // Last, after the inputs: the _row position every table has, saying what it is.
      assertTrue(columns.get(6).startsWith("_row|" + Types.BIGINT + "|19|Row position"), columns.get(6));
      assertEquals(7, columns.size());

      List<String> keys = new ArrayList<>();
      try (ResultSet rs = md.getPrimaryKeys(null, schema, "Accounts")) {
        while (rs.next()) {
          keys.add(rs.getString("COLUMN_NAME") + "#" + rs.getShort("KEY_SEQ"));
        }
      }
      assertEquals(List.of("Id#1", "Region#2"), keys);

      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = md.getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      // The profile's schema and the driver's stats schema; not Calcite's internal "metadata".
      assertEquals(List.of("apiquery", schema), schemas);
      try (ResultSet rs = md.getCatalogs()) {
        assertFalse(rs.next(), "no null-named catalog row");
      }
      List<String> types = new ArrayList<>();
      try (ResultSet rs = md.getTypeInfo()) {
        while (rs.next()) {
          types.add(rs.getString("TYPE_NAME") + ":" + rs.getInt("DATA_TYPE"));
        }
      }
      assertEquals(List.of("BIGINT:-5", "DECIMAL:3", "INTEGER:4", "DOUBLE:8", "VARCHAR:12", "BOOLEAN:16", "DATE:91",
          "TIME:92", "TIMESTAMP:93"), types);
      List<String> tableTypes = new ArrayList<>();
      try (ResultSet rs = md.getTableTypes()) {
        while (rs.next()) {
          tableTypes.add(rs.getString(1));
        }
      }
      try (ResultSet rs = md.getTables(null, null, "%", null)) {
        while (rs.next()) {
          assertTrue(tableTypes.contains(rs.getString("TABLE_TYPE")), rs.getString("TABLE_TYPE") + " " + tableTypes);
        }
      }
      try (ResultSet rs = md.getFunctions(null, null, "%")) {
        assertFalse(rs.next(), "no Calcite internals in getFunctions");
      }
      assertTrue(md.isReadOnly());
      assertTrue(c.isReadOnly());
      assertEquals("apiquery JDBC Driver", md.getDriverName());
      assertEquals("apiquery", md.getDatabaseProductName());
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void anEmptyQueryDescribesItsColumnsWithoutARequest() throws Exception {
    try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select * from accounts where 1=0")) {
      assertFalse(rs.next());
      assertEquals(7, rs.getMetaData().getColumnCount()); // 5 columns, 1 input, _row
      assertEquals("Revenue", rs.getMetaData().getColumnLabel(4));
      assertEquals(Types.DECIMAL, rs.getMetaData().getColumnType(4));
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void transactionCallsThatClientsMakeAreHarmless() throws Exception {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      c.commit();
      c.rollback();
      c.setAutoCommit(true);
      c.setReadOnly(true);
      c.setReadOnly(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertEquals(Connection.TRANSACTION_REPEATABLE_READ, c.getTransactionIsolation());
      assertTrue(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
      c.setClientInfo("ApplicationName", "pool");
      assertEquals("pool", c.getClientInfo("ApplicationName"));
      assertTrue(c.isReadOnly());
      assertEquals(null, c.getWarnings());
      assertTrue(c.isValid(1));
    }
  }

  @Test
  void theTablesAreAlsoReachableQualifiedByTheSchemaOption() throws Exception {
    try (Connection c = connect("Schema=crm")) {
      assertEquals("crm", c.getSchema());
      assertEquals(0, rows(c, "select * from crm.contacts where 1=0").size());
    }
  }

  @Test
  void aSingleRsdFileAndAnApipArchiveAreProfilesToo() throws Exception {
    Path single = profileDir.resolve("Contacts.rsd");
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:apiquery:Profile=" + single)) {
      assertEquals("Contacts", c.getSchema());
      assertEquals(0, rows(c, "select * from contacts where 1=0").size());
    }
    Path archive = profileDir.getParent().resolve("crm-" + System.nanoTime() + ".apip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      zip.putNextEntry(new ZipEntry("crm/Accounts.rsd"));
      zip.write(Files.readAllBytes(profileDir.resolve("Accounts.rsd")));
      zip.closeEntry();
    }
    try (Connection c = java.sql.DriverManager.getConnection("jdbc:apiquery:Profile=" + archive)) {
      assertEquals(archive.getFileName().toString().replace(".apip", ""), c.getSchema());
      assertEquals(7, c.createStatement().executeQuery("select * from accounts where 1=0").getMetaData().getColumnCount());
    } finally {
      Files.deleteIfExists(archive);
    }
    assertEquals(0, API.getAllServeEvents().size());
  }

  @Test
  void theDriverListsItsOwnOptionsForClientPropertyTabs() throws Exception {
    java.sql.DriverPropertyInfo[] infos = java.sql.DriverManager.getDriver("jdbc:apiquery:").getPropertyInfo("jdbc:apiquery:", null);
    List<String> names = java.util.Arrays.stream(infos).map(i -> i.name).toList();
    assertTrue(names.containsAll(List.of("Profile", "AuthScheme", "OAuthRefreshToken", "MaxRetries", "Verbosity")), names.toString());
    assertFalse(names.contains("LEX"), names.toString());
    assertTrue(java.util.Arrays.stream(infos).anyMatch(i -> i.name.equals("Profile") && i.required));
    assertTrue(java.util.Arrays.stream(infos).anyMatch(i -> i.name.equals("Timeout") && "60".equals(i.value)));
  }

  @Test
  void getUrlHidesSecrets() throws Exception {
    try (Connection c = connect("Password=hunter2hunter;ProfileSettings='ApiKey=abcdef123';User=me")) {
      String url = c.getMetaData().getURL();
      assertFalse(url.contains("hunter2hunter"), url);
      assertFalse(url.contains("abcdef123"), url);
      assertTrue(url.contains("User=me"), url);
      assertFalse(c.toString().contains("hunter2hunter"));
    }
  }
}
