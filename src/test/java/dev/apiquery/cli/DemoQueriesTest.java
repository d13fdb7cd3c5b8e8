package dev.apiquery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apiquery.demo.DemoProfiles;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The demo's queries, run by plain Calcite over a stand-in for the demo profiles: tables with the
 * profiles' columns and types (as dev.apiquery.sql.ApiTable types them) holding the sample API's
 * data. This checks that the queries are valid against the profiles and pins the rows the real
 * {@code apiquery demo} must print once the driver runs end to end.
 */
class DemoQueriesTest {
  static final String EXPECTED = """
      -- SELECT id, name, city, created_at, tags FROM Customers WHERE country = 'DE' ORDER BY id
      id | name          | city    | created_at              | tags
      ---+---------------+---------+-------------------------+---------------------
       1 | Anna Schmidt  | Berlin  | 2023-01-15 09:30:00.000 | ["vip","newsletter"]
       6 | Jonas Weber   | Munich  | 2023-04-07 11:20:00.000 | []
      11 | Clara Fischer | Hamburg | 2023-10-09 07:55:00.000 | ["newsletter"]
      (3 rows)

      -- SELECT sku, name, price, in_stock FROM Products WHERE category = 'books' ORDER BY price DESC
      sku    | name              | price | in_stock
      -------+-------------------+-------+---------
      BK-002 | REST in Practice  |  45.5 | true
      BK-001 | SQL for Humans    | 29.99 | true
      BK-003 | The JSON Handbook |  19.0 | false
      (3 rows)

      -- SELECT order_id, ordered_at, status, total, carrier FROM Orders WHERE customer_id = 3 ORDER BY ordered_at
      order_id | ordered_at              | status    |  total | carrier
      ---------+-------------------------+-----------+--------+--------
        100004 | 2023-03-05 09:00:00.000 | delivered | 249.99 | UPS
        100005 | 2023-06-18 17:45:00.000 | shipped   |  74.85 | USPS
        100006 | 2023-11-02 13:10:00.000 | pending   | 119.00 | UPS
      (3 rows)

      -- SELECT country, COUNT(*) AS customers, SUM(balance) AS total_balance FROM Customers GROUP BY country HAVING COUNT(*) > 1 ORDER BY country
      country | customers | total_balance
      --------+-----------+--------------
      DE      |         3 |       1573.65
      US      |         2 |       1422.10
      (2 rows)

      """;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  @Test
  void demoQueriesGiveTheseRows() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    try (Connection connection = standIn(); Statement statement = connection.createStatement()) {
      for (String sql : DemoCommand.QUERIES) {
        out.println("-- " + sql);
        try (ResultSet rows = statement.executeQuery(sql)) {
          new TableWriter().write(rows, out);
        }
        out.println();
      }
    }
    out.flush();
    assertEquals(EXPECTED, text.toString().replace("\r\n", "\n"));
  }

  @Test
  void ordersAsJson() throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    try (Connection connection = standIn(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(DemoCommand.QUERIES.get(2))) {
      new JsonWriter().write(rows, out);
    }
    out.flush();
    assertEquals("[\n"
        + "  {\"order_id\":100004,\"ordered_at\":\"2023-03-05T09:00:00.000\",\"status\":\"delivered\",\"total\":249.99,\"carrier\":\"UPS\"},\n"
        + "  {\"order_id\":100005,\"ordered_at\":\"2023-06-18T17:45:00.000\",\"status\":\"shipped\",\"total\":74.85,\"carrier\":\"USPS\"},\n"
        + "  {\"order_id\":100006,\"ordered_at\":\"2023-11-02T13:10:00.000\",\"status\":\"pending\",\"total\":119.00,\"carrier\":\"UPS\"}\n"
        + "]\n", text.toString().replace("\r\n", "\n"));
  }

  /** A Calcite connection whose default schema holds the stand-in tables. */
  private static Connection standIn() throws Exception {
    Map<String, Table> tables = new LinkedHashMap<>();
    tables.put("Customers", table("Customers.rsd", "customers.json"));
    tables.put("Orders", table("Orders.rsd", "orders.json"));
    tables.put("Products", table("Products.rsd", "products.json"));
    Properties lex = new Properties();
    lex.setProperty("lex", "MYSQL_ANSI");
    Connection connection = DriverManager.getConnection("jdbc:calcite:", lex);
    CalciteConnection calcite = connection.unwrap(CalciteConnection.class);
    calcite.getRootSchema().add("demo", new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return tables;
      }
    });
    calcite.setSchema("demo");
    return connection;
  }

  /** A column of the stand-in table: name, RSD type, relative path (null for an input). */
  private record Column(String name, String type, String path) {}

  private static Table table(String rsd, String data) throws Exception {
    Element root;
    try (InputStream in = resource(DemoProfiles.RESOURCE_FOLDER + rsd)) {
      root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
    }
    List<Column> columns = new ArrayList<>();
    NodeList attrs = root.getElementsByTagName("attr");
    for (int i = 0; i < attrs.getLength(); i++) {
      Element a = (Element) attrs.item(i);
      columns.add(new Column(a.getAttribute("name"), a.getAttribute("xs:type"), a.getAttribute("other:xPath")));
    }
    NodeList inputs = root.getElementsByTagName("input");
    for (int i = 0; i < inputs.getLength(); i++) {
      Element in = (Element) inputs.item(i);
      // Stand-in for the input: every row carries the customer it was fetched for.
      columns.add(new Column(in.getAttribute("name"), in.getAttribute("xs:type"), in.getAttribute("name")));
    }
    List<Object[]> rows = new ArrayList<>();
    try (InputStream in = resource("dev/apiquery/demo/data/" + data)) {
      for (JsonNode node : JSON.readTree(in)) {
        Object[] row = new Object[columns.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = value(node.at("/" + columns.get(c).path()), columns.get(c).type());
        }
        rows.add(row);
      }
    }
    return new StandIn(columns, rows);
  }

  private static Object value(JsonNode node, String type) {
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    return switch (type) {
      case "int" -> node.asInt();
      case "long" -> node.asLong();
      case "double" -> node.asDouble();
      case "decimal" -> node.decimalValue();
      case "boolean" -> node.asBoolean();
      case "datetime" -> OffsetDateTime.parse(node.asText()).toInstant().toEpochMilli();
      case "date" -> (int) LocalDate.parse(node.asText()).toEpochDay();
      default -> node.isValueNode() ? node.asText() : node.toString();
    };
  }

  private static InputStream resource(String name) {
    return DemoQueriesTest.class.getClassLoader().getResourceAsStream(name);
  }

  private static final class StandIn extends AbstractTable implements ScannableTable {
    private final List<Column> columns;
    private final List<Object[]> rows;

    StandIn(List<Column> columns, List<Object[]> rows) {
      this.columns = columns;
      this.rows = rows;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
      RelDataTypeFactory.Builder builder = types.builder();
      for (Column c : columns) {
        RelDataType type = switch (c.type()) {
          case "int" -> types.createSqlType(SqlTypeName.INTEGER);
          case "long" -> types.createSqlType(SqlTypeName.BIGINT);
          case "double" -> types.createSqlType(SqlTypeName.DOUBLE);
          case "decimal" -> types.createSqlType(SqlTypeName.DECIMAL, 12, 2);
          case "boolean" -> types.createSqlType(SqlTypeName.BOOLEAN);
          case "datetime" -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
          case "date" -> types.createSqlType(SqlTypeName.DATE);
          default -> types.createSqlType(SqlTypeName.VARCHAR);
        };
        builder.add(c.name(), types.createTypeWithNullability(type, true));
      }
      return builder.build();
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      return Linq4j.asEnumerable(rows);
    }
  }
}
