package dev.apiquery.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * The getters {@link RowReader} picks, against source drivers that answer them differently from
 * apiquery; the values must always be what {@link ColumnKind#read} gives.
 */
class RowReaderTest {
  private static final LocalDateTime WALL = LocalDateTime.of(2024, 3, 31, 2, 30, 0, 250_000_000);

  @Test
  void aValueOfAnotherClassSendsTheColumnToItsTypedGetter() throws Exception {
    // A driver whose getObject gives a SMALLINT-like Short for an INTEGER column.
    Row row = new Row(Types.INTEGER, (short) 7, 7L);
    List<Object> read = readAll(row, 3);
    assertEquals(List.of(7, 7, 7), read);
    assertEquals(1, row.getObjectCalls, "getObject is asked once, then getInt");
  }

  @Test
  void timestampsThatAgreeAreReadWithGetTimestampAndShiftedInAFixedZone() throws Exception {
    for (String zone : new String[] {"UTC", "GMT+05:30", "GMT-08:00"}) {
      inZone(zone, () -> {
        Row row = new Row(Types.TIMESTAMP, Timestamp.valueOf(WALL), WALL);
        assertEquals(List.of(WALL, WALL, WALL), readAll(row, 3), zone);
        assertEquals(1, row.typedCalls, zone + ": getObject(i, LocalDateTime.class) only checks the first value");
      });
    }
  }

  @Test
  void timestampsThatDisagreeKeepGetObjectLocalDateTime() throws Exception {
    // A driver whose Timestamps are not in the JVM's zone: its LocalDateTime is the one to trust.
    inZone("GMT+02:00", () -> {
      Row row = new Row(Types.TIMESTAMP, Timestamp.valueOf(WALL.plusHours(2)), WALL);
      assertEquals(List.of(WALL, WALL, WALL), readAll(row, 3));
      assertEquals(3, row.typedCalls);
    });
  }

  @Test
  void zonesWithRulesKeepGetObjectLocalDateTime() throws Exception {
    // 02:30 on 2024-03-31 does not exist in Berlin: Timestamp.toLocalDateTime would move it.
    inZone("Europe/Berlin", () -> {
      Row row = new Row(Types.TIMESTAMP, null, WALL);
      assertEquals(List.of(WALL, WALL), readAll(row, 2));
      assertEquals(2, row.typedCalls);
    });
  }

  @Test
  void nullsBeforeTheFirstTimestampLeaveTheCheckForLater() throws Exception {
    inZone("UTC", () -> {
      Row row = new Row(Types.TIMESTAMP, Timestamp.valueOf(WALL), WALL);
      row.nullRows = 2;
      List<Object> read = readAll(row, 4);
      assertArrayEquals(new Object[] {null, null, WALL, WALL}, read.toArray());
      assertEquals(1, row.typedCalls);
    });
  }

  private static List<Object> readAll(Row row, int rows) throws Exception {
    ResultSet rs = row.resultSet();
    RowReader reader = RowReader.of(rs.getMetaData(),
        List.of(new Column("c", ColumnKind.of(row.sqlType), 0, 0)));
    Object[] fetched = new Object[rows];
    for (int r = 0; r < rows; r++) {
      reader.read(rs, fetched, r);
      row.rowsRead++;
    }
    List<Object> settled = new ArrayList<>();
    Object[] one = new Object[1];
    for (int r = 0; r < rows; r++) {
      reader.settle(fetched, r, one);
      settled.add(one[0]);
    }
    return settled;
  }

  private interface Body {
    void run() throws Exception;
  }

  private static void inZone(String zone, Body body) throws Exception {
    TimeZone saved = TimeZone.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      body.run();
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /** One column whose every row holds the same value, as a driver's getters give it. */
  private static final class Row {
    final int sqlType;
    final Object object;
    final Object typed;
    int nullRows;
    int rowsRead;
    int getObjectCalls;
    int typedCalls;
    private boolean wasNull;

    Row(int sqlType, Object object, Object typed) {
      this.sqlType = sqlType;
      this.object = object;
      this.typed = typed;
    }

    ResultSet resultSet() {
      ResultSetMetaData meta = (ResultSetMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {ResultSetMetaData.class}, (proxy, method, args) -> switch (method.getName()) {
            case "getColumnType" -> sqlType;
            default -> throw new UnsupportedOperationException(method.getName());
          });
      return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
          (proxy, method, args) -> {
            boolean isNull = rowsRead < nullRows;
            wasNull = isNull;
            return switch (method.getName()) {
              case "getMetaData" -> meta;
              case "getObject" -> {
                if (args.length == 2) {
                  typedCalls++;
                  yield isNull ? null : typed;
                }
                getObjectCalls++;
                yield isNull ? null : object;
              }
              case "getTimestamp" -> isNull ? null : object;
              case "getInt" -> isNull ? 0 : ((Number) typed).intValue();
              case "wasNull" -> wasNull;
              default -> throw new UnsupportedOperationException(method.getName());
            };
          });
    }
  }
}
