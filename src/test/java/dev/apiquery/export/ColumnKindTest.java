package dev.apiquery.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Reading TIMESTAMPs from a source driver that lacks JDBC 4.2's getObject(i, LocalDateTime.class). */
class ColumnKindTest {
  @Test
  void timestampsFromADriverWithoutJavaTimeSupport() throws Exception {
    LocalDateTime wallClock = LocalDateTime.of(2024, 3, 1, 10, 5, 0, 123_000_000);
    assertEquals(wallClock, ColumnKind.TIMESTAMP.read(oldDriverRow(Timestamp.valueOf(wallClock)), 1, 0));
    assertNull(ColumnKind.TIMESTAMP.read(oldDriverRow(null), 1, 0));
  }

  /** A one-column row whose getObject(i, Class) is not supported, as in pre-4.2 drivers (and Avatica's). */
  private static ResultSet oldDriverRow(Timestamp value) {
    return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "getObject" -> throw new SQLFeatureNotSupportedException("getObject(int, Class)");
          case "getTimestamp" -> value;
          case "wasNull" -> value == null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
