package dev.apiquery.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.avatica.AvaticaResultSet;
import org.apache.calcite.avatica.util.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** JDBC 4.2 getObject(column, Class): what frameworks and ETL tools call for every column. */
class GetObjectTest extends ApiTestSupport {

  private void stub() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("""
        [{"id":7,"qty":3,"name":"box","at":"2024-03-04T05:06:07.250+02:00","day":"2024-03-04","t":"13:14:15",
          "price":12.5,"ok":true,"ratio":0.25},
         {"id":8}]""")));
    writeProfile("Items", rsd("""
            <attr name="id" xs:type="long" other:xPath="id"/>
            <attr name="qty" xs:type="int" other:xPath="qty"/>
            <attr name="name" xs:type="string" other:xPath="name"/>
            <attr name="created_at" xs:type="datetime" other:xPath="at"/>
            <attr name="on_day" xs:type="date" other:xPath="day"/>
            <attr name="t" xs:type="time" other:xPath="t"/>
            <attr name="price" xs:type="decimal" columnsize="12" decimaldigits="2" other:xPath="price"/>
            <attr name="ok" xs:type="boolean" other:xPath="ok"/>
            <attr name="ratio" xs:type="double" other:xPath="ratio"/>
        """, "${BASE}/items", ""));
  }

  private static ResultSet query(Statement st) throws Exception {
    return st.executeQuery("select id, qty, name, created_at, on_day, t, price, ok, ratio from items");
  }

  @Test
  void everyColumnConvertsToTheJavaTypesClientsAskFor() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = query(st)) {
      assertTrue(rs.next());
      assertEquals(7L, rs.getObject(1, Long.class));
      assertEquals(7, rs.getObject("id", Integer.class));
      assertEquals("7", rs.getObject(1, String.class));
      assertEquals(new BigDecimal("7"), rs.getObject(1, BigDecimal.class));
      assertEquals(3, rs.getObject("qty", Integer.class));
      assertEquals((short) 3, rs.getObject(2, Short.class));
      assertEquals("box", rs.getObject(3, String.class));
      // 05:06:07.250+02:00 is 03:06:07.250 UTC.
      LocalDateTime utc = LocalDateTime.of(2024, 3, 4, 3, 6, 7, 250_000_000);
      assertEquals(utc, rs.getObject("created_at", LocalDateTime.class));
      assertEquals(utc.atOffset(ZoneOffset.UTC), rs.getObject(4, OffsetDateTime.class));
      assertEquals(Instant.parse("2024-03-04T03:06:07.250Z"), rs.getObject(4, Instant.class));
      assertEquals(Timestamp.valueOf(utc), rs.getObject(4, Timestamp.class));
      assertEquals(LocalDate.of(2024, 3, 4), rs.getObject(4, LocalDate.class));
      assertEquals(LocalDate.of(2024, 3, 4), rs.getObject("on_day", LocalDate.class));
      assertEquals(Date.valueOf("2024-03-04"), rs.getObject(5, Date.class));
      assertEquals(LocalDate.of(2024, 3, 4).atStartOfDay(), rs.getObject(5, LocalDateTime.class));
      assertEquals(LocalTime.of(13, 14, 15), rs.getObject("t", LocalTime.class));
      assertEquals(Time.valueOf("13:14:15"), rs.getObject(6, Time.class));
      assertEquals(new BigDecimal("12.50"), rs.getObject("price", BigDecimal.class));
      assertEquals(12.5d, rs.getObject(7, Double.class));
      assertEquals(true, rs.getObject("ok", Boolean.class));
      assertEquals(0.25d, rs.getObject("ratio", Double.class));
      assertEquals(0.25f, rs.getObject(9, Float.class));
      assertEquals(7L, rs.getObject(1, Object.class));
      SQLException bad = assertThrows(SQLException.class, () -> rs.getObject(1, java.util.List.class));
      assertTrue(bad.getMessage().contains("java.util.List"), bad.getMessage());
      assertTrue(rs.next());
      // Missing values are null for every type, never 0 or false.
      assertNull(rs.getObject(2, Integer.class));
      assertNull(rs.getObject(4, LocalDateTime.class));
      assertNull(rs.getObject(4, Instant.class));
      assertNull(rs.getObject(5, LocalDate.class));
      assertNull(rs.getObject(6, LocalTime.class));
      assertNull(rs.getObject(8, Boolean.class));
      assertNull(rs.getObject(7, BigDecimal.class));
    }
  }

  /** getObject hands out the row's own value for plain columns: what Avatica's getters give. */
  @Test
  void plainColumnsGiveTheValuesOfTheTypedGetters() throws Exception {
    stub();
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = query(st)) {
      assertTrue(rs.next());
      assertEquals(Long.valueOf(rs.getLong(1)), rs.getObject(1));
      assertEquals(Integer.valueOf(rs.getInt(2)), rs.getObject(2));
      assertEquals(rs.getString(3), rs.getObject(3));
      assertEquals(Boolean.valueOf(rs.getBoolean(8)), rs.getObject(8));
      assertEquals(Double.valueOf(rs.getDouble(9)), rs.getObject("ratio"));
      assertEquals(new BigDecimal("12.50"), rs.getObject(7));
      assertFalse(rs.wasNull());
      SQLException bad = assertThrows(SQLException.class, () -> rs.getObject(10));
      assertTrue(bad.getMessage().contains("10"), bad.getMessage());
      assertTrue(rs.next());
      for (int column : new int[] {2, 3, 8, 9}) {
        assertNull(rs.getObject(column));
        assertTrue(rs.wasNull());
        assertEquals(8L, rs.getObject(1));
        assertFalse(rs.wasNull());
      }
      assertFalse(rs.next());
    }
    try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = query(st)) {
      rs.close();
      assertThrows(SQLException.class, () -> rs.getObject(1));
    }
  }

  /**
   * A TIMESTAMP holds the UTC wall clock: {@code getObject(i, LocalDateTime.class)} (and the
   * types made from it) gives it in every JVM zone, also one that skips that wall-clock time
   * (02:30 on 2024-03-31 in Berlin) or has it twice (02:30 on 2024-10-27).
   */
  @Test
  void localDateTimeIsTheWallClockInEveryZone() throws Exception {
    API.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("""
        [{"id":1,"at":"2024-03-31T02:30:00Z"},{"id":2,"at":"2024-10-27T02:30:00.125Z"},{"id":3}]""")));
    writeProfile("Items", rsd("""
            <attr name="id" xs:type="long" other:xPath="id"/>
            <attr name="created_at" xs:type="datetime" other:xPath="at"/>
        """, "${BASE}/items", ""));
    List<LocalDateTime> expected = List.of(LocalDateTime.of(2024, 3, 31, 2, 30),
        LocalDateTime.of(2024, 10, 27, 2, 30, 0, 125_000_000));
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "GMT+05:30", "America/New_York", "Europe/Berlin"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try (Connection c = connect(); Statement st = c.createStatement();
            ResultSet rs = st.executeQuery("select created_at from items order by id")) {
          for (LocalDateTime wall : expected) {
            assertTrue(rs.next());
            assertEquals(wall, rs.getObject(1, LocalDateTime.class), zone);
            assertEquals(wall.toLocalDate(), rs.getObject(1, LocalDate.class), zone);
            assertEquals(wall.toInstant(ZoneOffset.UTC), rs.getObject(1, Instant.class), zone);
            assertEquals(wall.atOffset(ZoneOffset.UTC), rs.getObject("created_at", OffsetDateTime.class), zone);
          }
          assertTrue(rs.next());
          assertNull(rs.getObject(1, LocalDateTime.class), zone);
          assertTrue(rs.wasNull());
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }

  /**
   * getObject and getTimestamp of a TIMESTAMP column skip Avatica's zone arithmetic for fixed
   * zones; in every default zone the answer is still the one Avatica computes.
   */
  @Test
  void timestampsAreAvaticasInFixedAndRuleBasedZones() throws Exception {
    stub();
    TimeZone saved = TimeZone.getDefault();
    try {
      for (String zone : new String[] {"UTC", "GMT+05:30", "America/New_York", "Europe/Berlin"}) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = query(st)) {
          assertTrue(rs.next());
          Calendar local = ((AvaticaResultSet) rs).getLocalCalendar();
          Timestamp avatica = DateTimeUtils.unixTimestampToSqlTimestamp(rs.getLong(4), local);
          assertEquals(avatica, rs.getObject(4), zone);
          assertEquals(avatica, rs.getTimestamp(4), zone);
          assertEquals(avatica, rs.getObject("created_at"), zone);
          if (zone.equals("UTC")) {
            assertEquals(Timestamp.valueOf(LocalDateTime.of(2024, 3, 4, 3, 6, 7, 250_000_000)), rs.getObject(4));
          }
          assertTrue(rs.next());
          assertNull(rs.getObject(4), zone);
          assertNull(rs.getTimestamp(4), zone);
          assertTrue(rs.wasNull());
        }
      }
    } finally {
      TimeZone.setDefault(saved);
    }
  }
}
