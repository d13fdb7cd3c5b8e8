package dev.apiquery.value;

import static dev.apiquery.value.ValueConverter.toInternal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ValueConverterTest {

  private static Object convert(Object raw, DataType type) throws ConversionException {
    return toInternal(raw, type, null);
  }

  private static ConversionException fails(Object raw, DataType type) {
    return assertThrows(ConversionException.class, () -> convert(raw, type),
        () -> raw + " as " + type);
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static int day(String date) {
    return (int) LocalDate.parse(date).toEpochDay();
  }

  private static int timeOfDay(String time) {
    return (int) (LocalTime.parse(time).toNanoOfDay() / 1_000_000);
  }

  @ParameterizedTest
  @EnumSource(DataType.class)
  void nullIsNullForEveryType(DataType type) throws Exception {
    assertNull(toInternal(null, type, 2));
  }

  // --- VARCHAR ---------------------------------------------------------------------------------

  @Test
  void varchar() throws Exception {
    assertEquals("abc", convert("abc", DataType.VARCHAR));
    assertEquals("", convert("", DataType.VARCHAR));
    assertEquals("42", convert(42L, DataType.VARCHAR));
    assertEquals("123456789012345678901234567890",
        convert(new BigInteger("123456789012345678901234567890"), DataType.VARCHAR));
    assertEquals("1000", convert(new BigDecimal("1e3"), DataType.VARCHAR));
    assertEquals("1.10", convert(new BigDecimal("1.10"), DataType.VARCHAR));
    assertEquals("0.0000001", convert(new BigDecimal("1e-7"), DataType.VARCHAR));
    assertEquals("1.5", convert(1.5d, DataType.VARCHAR));
    assertEquals("10000000000", convert(1e10d, DataType.VARCHAR));
    assertEquals("NaN", convert(Double.NaN, DataType.VARCHAR));
    assertEquals("true", convert(true, DataType.VARCHAR));
    assertEquals("false", convert(false, DataType.VARCHAR));
    assertEquals("[\"a\",1]", convert("[\"a\",1]", DataType.VARCHAR));
    // An absurd exponent is not expanded into a million digits.
    assertEquals("1E+1000000", convert(new BigDecimal("1e1000000"), DataType.VARCHAR));
  }

  // --- INTEGER / BIGINT ------------------------------------------------------------------------

  @Test
  void integer() throws Exception {
    assertEquals(42, convert(42L, DataType.INTEGER));
    assertEquals(-7, convert(-7, DataType.INTEGER));
    assertEquals(Integer.MAX_VALUE, convert(2147483647L, DataType.INTEGER));
    assertEquals(Integer.MIN_VALUE, convert(-2147483648L, DataType.INTEGER));
    assertEquals(5, convert(BigInteger.valueOf(5), DataType.INTEGER));
    assertEquals(42, convert(new BigDecimal("42.000"), DataType.INTEGER));
    assertEquals(42, convert(new BigDecimal("4.2e1"), DataType.INTEGER));
    assertEquals(3, convert(3.0d, DataType.INTEGER));
    assertEquals(123, convert("123", DataType.INTEGER));
    assertEquals(-5, convert(" -5 ", DataType.INTEGER));
    assertEquals(5, convert("+5", DataType.INTEGER));
    assertEquals(100, convert("1e2", DataType.INTEGER));
    assertEquals(7, convert("7.0", DataType.INTEGER));
    assertEquals(0, convert("-0", DataType.INTEGER));
    assertEquals(Integer.class, convert("1", DataType.INTEGER).getClass());
  }

  @Test
  void integerFailures() {
    ConversionException range = fails(2147483648L, DataType.INTEGER);
    assertEquals("Cannot convert 2147483648 to INTEGER: out of range", range.getMessage());
    fails(-2147483649L, DataType.INTEGER);
    fails("99999999999", DataType.INTEGER);
    fails(new BigInteger("123456789012345678901234567890"), DataType.INTEGER);
    ConversionException fraction = fails(new BigDecimal("1.5"), DataType.INTEGER);
    assertTrue(fraction.getMessage().endsWith("has a fraction"), fraction.getMessage());
    fails("1.5", DataType.INTEGER);
    fails(new BigDecimal("1e-999999"), DataType.INTEGER);
    fails(new BigDecimal("1e999999"), DataType.INTEGER);
    fails(2.5d, DataType.INTEGER);
    fails(Double.NaN, DataType.INTEGER);
    ConversionException text = fails("N/A", DataType.INTEGER);
    assertEquals("Cannot convert 'N/A' to INTEGER: not a number", text.getMessage());
    fails("", DataType.INTEGER);
    fails("12abc", DataType.INTEGER);
    fails("0x10", DataType.INTEGER);
    fails("1,000", DataType.INTEGER);
    fails(true, DataType.INTEGER);
    fails("{\"a\":1}", DataType.INTEGER);
  }

  @Test
  void bigint() throws Exception {
    assertEquals(9007199254740993L, convert(9007199254740993L, DataType.BIGINT));
    assertEquals(Long.MAX_VALUE, convert("9223372036854775807", DataType.BIGINT));
    assertEquals(Long.MIN_VALUE, convert(new BigInteger("-9223372036854775808"), DataType.BIGINT));
    assertEquals(1700000000L, convert(new BigDecimal("1.7e9"), DataType.BIGINT));
    assertEquals(5L, convert(5, DataType.BIGINT));
    assertEquals(Long.class, convert(5, DataType.BIGINT).getClass());
    assertEquals(1L << 62, convert((double) (1L << 62), DataType.BIGINT));
    fails("9223372036854775808", DataType.BIGINT);
    fails(new BigInteger("9223372036854775808"), DataType.BIGINT);
    fails(9.3e18d, DataType.BIGINT);
    fails("1.25", DataType.BIGINT);
    fails(false, DataType.BIGINT);
  }

  // --- DOUBLE / DECIMAL ------------------------------------------------------------------------

  @Test
  void doubles() throws Exception {
    assertEquals(1.5d, convert(new BigDecimal("1.5"), DataType.DOUBLE));
    assertEquals(0.1d, convert(new BigDecimal("0.1"), DataType.DOUBLE));
    assertEquals(42d, convert(42L, DataType.DOUBLE));
    assertEquals(1e30d, convert(new BigInteger("1000000000000000000000000000000"), DataType.DOUBLE));
    assertEquals(2.25d, convert(2.25d, DataType.DOUBLE));
    assertEquals(-3.5e-5d, convert(" -3.5e-5 ", DataType.DOUBLE));
    assertEquals(Double.NaN, convert("NaN", DataType.DOUBLE));
    assertEquals(Double.POSITIVE_INFINITY, convert("Infinity", DataType.DOUBLE));
    assertEquals(Double.NEGATIVE_INFINITY, convert("-infinity", DataType.DOUBLE));
    assertEquals(Double.class, convert(1L, DataType.DOUBLE).getClass());
    fails(new BigDecimal("1e400"), DataType.DOUBLE);
    fails("1.5d", DataType.DOUBLE);
    fails("abc", DataType.DOUBLE);
    fails(true, DataType.DOUBLE);
  }

  @Test
  void decimals() throws Exception {
    assertEquals(new BigDecimal("1.10"), convert(new BigDecimal("1.10"), DataType.DECIMAL));
    assertEquals(new BigDecimal("12.35"), toInternal(new BigDecimal("12.345"), DataType.DECIMAL, 2));
    assertEquals(new BigDecimal("-12.35"), toInternal("-12.345", DataType.DECIMAL, 2));
    assertEquals(new BigDecimal("7.000"), toInternal(7L, DataType.DECIMAL, 3));
    assertEquals(new BigDecimal("0.10"), toInternal(0.1d, DataType.DECIMAL, 2));
    assertEquals(new BigDecimal("3"), toInternal("2.5", DataType.DECIMAL, 0));
    assertEquals(new BigDecimal("123456789012345678901234567890"),
        convert(new BigInteger("123456789012345678901234567890"), DataType.DECIMAL));
    assertEquals(new BigDecimal("99.5"), convert(" 99.5 ", DataType.DECIMAL));
    assertEquals(new BigDecimal("0.00"), toInternal(new BigDecimal("1e-999999"), DataType.DECIMAL, 2));
    assertEquals(new BigDecimal("0.01"), toInternal(new BigDecimal("0.005"), DataType.DECIMAL, 2));
    assertEquals(new BigDecimal("0.00"), toInternal(new BigDecimal("0.004"), DataType.DECIMAL, 2));
    fails("1.2.3", DataType.DECIMAL);
    fails(Double.POSITIVE_INFINITY, DataType.DECIMAL);
    fails(true, DataType.DECIMAL);
    assertThrows(ConversionException.class,
        () -> toInternal(new BigDecimal("1e999999"), DataType.DECIMAL, 2));
  }

  // --- BOOLEAN ---------------------------------------------------------------------------------

  @Test
  void booleans() throws Exception {
    for (String yes : new String[] {"true", "TRUE", "True", "1", "yes", "YES", " Yes "}) {
      assertEquals(Boolean.TRUE, convert(yes, DataType.BOOLEAN), yes);
    }
    for (String no : new String[] {"false", "False", "0", "no", "NO"}) {
      assertEquals(Boolean.FALSE, convert(no, DataType.BOOLEAN), no);
    }
    assertEquals(Boolean.TRUE, convert(true, DataType.BOOLEAN));
    assertEquals(Boolean.FALSE, convert(false, DataType.BOOLEAN));
    assertEquals(Boolean.TRUE, convert(1L, DataType.BOOLEAN));
    assertEquals(Boolean.FALSE, convert(0L, DataType.BOOLEAN));
    assertEquals(Boolean.TRUE, convert(new BigDecimal("1.0"), DataType.BOOLEAN));
    assertEquals(Boolean.FALSE, convert(0.0d, DataType.BOOLEAN));
    assertEquals(Boolean.TRUE, convert(BigInteger.ONE, DataType.BOOLEAN));
    fails(2L, DataType.BOOLEAN);
    fails("maybe", DataType.BOOLEAN);
    fails("", DataType.BOOLEAN);
    fails("t", DataType.BOOLEAN);
  }

  // --- TIMESTAMP -------------------------------------------------------------------------------

  @Test
  void timestampsFromText() throws Exception {
    long expected = millis("2024-01-05T09:12:00Z");
    for (String s : new String[] {
        "2024-01-05T09:12:00Z", "2024-01-05T09:12:00.000Z", "2024-01-05T09:12:00.000+0000",
        "2024-01-05T09:12:00+00:00", "2024-01-05T10:12:00+01:00", "2024-01-05T10:12:00+0100",
        "2024-01-05T10:12:00+01", "2024-01-05T04:12:00-05:00", "2024-01-05 09:12:00",
        "2024-01-05T09:12:00", "2024-01-05T09:12", "2024-01-05t09:12:00z", " 2024-01-05T09:12:00Z ",
        "2024-01-05T09:12:00 UTC", "2024-01-05 09:12:00 +0000", "Fri, 5 Jan 2024 09:12:00 GMT"}) {
      assertEquals(expected, convert(s, DataType.TIMESTAMP), s);
    }
    assertEquals(millis("2024-01-05T09:12:00.123Z"),
        convert("2024-01-05T09:12:00.123456789Z", DataType.TIMESTAMP));
    assertEquals(millis("2024-01-05T09:12:00.500Z"),
        convert("2024-01-05T09:12:00.5Z", DataType.TIMESTAMP));
    assertEquals(millis("2024-01-05T09:12:00.120Z"),
        convert("2024-01-05T09:12:00,12Z", DataType.TIMESTAMP));
    assertEquals(millis("2024-01-05T00:00:00Z"), convert("2024-01-05", DataType.TIMESTAMP));
    assertEquals(millis("2024-01-04T23:30:00Z"),
        convert("2024-01-05T05:00:00+05:30", DataType.TIMESTAMP));
    assertEquals(millis("2024-02-29T00:00:00Z"), convert("2024-02-29", DataType.TIMESTAMP));
    assertEquals(millis("1969-12-31T23:59:59Z"), convert("1969-12-31T23:59:59Z", DataType.TIMESTAMP));
    assertEquals(Long.class, convert("2024-01-05", DataType.TIMESTAMP).getClass());
  }

  @Test
  void timestampsFromEpochNumbers() throws Exception {
    long expected = millis("2023-11-14T22:13:20Z");
    assertEquals(expected, convert(1_700_000_000L, DataType.TIMESTAMP)); // seconds
    assertEquals(expected, convert(1_700_000_000_000L, DataType.TIMESTAMP)); // millis
    assertEquals(expected, convert("1700000000", DataType.TIMESTAMP));
    assertEquals(expected, convert(1_700_000_000, DataType.TIMESTAMP));
    assertEquals(expected + 500, convert(new BigDecimal("1700000000.5"), DataType.TIMESTAMP));
    assertEquals(expected + 250, convert(1_700_000_000.25d, DataType.TIMESTAMP));
    assertEquals(expected, convert(new BigDecimal("1.7e12"), DataType.TIMESTAMP));
    assertEquals(0L, convert(0L, DataType.TIMESTAMP));
    assertEquals(-86_400_000L, convert(-86_400L, DataType.TIMESTAMP));
    // The threshold: 10^11 is still seconds (year 5138), above it milliseconds.
    assertEquals(100_000_000_000_000L, convert(100_000_000_000L, DataType.TIMESTAMP));
    assertEquals(100_000_000_001L, convert(100_000_000_001L, DataType.TIMESTAMP));
    fails(Long.MAX_VALUE, DataType.TIMESTAMP);
    fails(new BigDecimal("1e30"), DataType.TIMESTAMP);
  }

  @Test
  void timestampFailures() {
    for (String s : new String[] {"yesterday", "", "2024-13-01", "2024-02-30", "2023-02-29",
        "2024-01-05T24:00:00Z", "2024-01-05T09:60:00Z", "2024-01-05T09:12:61Z",
        "2024-01-05T09:12:00+19:00", "05/01/2024", "2024-01-05T09:12:00+053", "Fri, 99 Jan 2024"}) {
      ConversionException e = fails(s, DataType.TIMESTAMP);
      assertTrue(e.getMessage().startsWith("Cannot convert '"), e.getMessage());
    }
    fails(true, DataType.TIMESTAMP);
  }

  // --- DATE ------------------------------------------------------------------------------------

  @Test
  void dates() throws Exception {
    assertEquals(day("2024-01-05"), convert("2024-01-05", DataType.DATE));
    assertEquals(day("2024-01-05"), convert("2024-01-05T23:59:59Z", DataType.DATE));
    assertEquals(day("2024-01-06"), convert("2024-01-05T23:30:00-02:00", DataType.DATE));
    assertEquals(day("2024-01-04"), convert("2024-01-05T00:30:00+0100", DataType.DATE));
    assertEquals(day("1969-12-31"), convert("1969-12-31", DataType.DATE));
    assertEquals(day("1970-01-01"), convert("1970-01-01 12:00", DataType.DATE));
    assertEquals(day("2023-11-14"), convert(1_700_000_000L, DataType.DATE));
    assertEquals(day("2023-11-14"), convert(1_700_000_000_000L, DataType.DATE));
    assertEquals(Integer.class, convert("2024-01-05", DataType.DATE).getClass());
    fails("2024-02-30", DataType.DATE);
    ConversionException e = fails("Jan 5", DataType.DATE);
    assertTrue(e.getMessage().contains("to DATE"), e.getMessage());
  }

  // --- TIME ------------------------------------------------------------------------------------

  @Test
  void times() throws Exception {
    assertEquals(timeOfDay("13:45"), convert("13:45", DataType.TIME));
    assertEquals(timeOfDay("13:45:30"), convert("13:45:30", DataType.TIME));
    assertEquals(timeOfDay("13:45:30.123"), convert("13:45:30.123", DataType.TIME));
    assertEquals(timeOfDay("13:45:30.100"), convert("13:45:30.1", DataType.TIME));
    assertEquals(timeOfDay("09:05"), convert("9:05", DataType.TIME));
    assertEquals(timeOfDay("12:45:00"), convert("13:45:00+01:00", DataType.TIME));
    assertEquals(timeOfDay("13:45:00"), convert("13:45:00Z", DataType.TIME));
    assertEquals(timeOfDay("23:30"), convert("01:30+0200", DataType.TIME)); // wraps
    assertEquals(timeOfDay("01:00"), convert("20:00-05:00", DataType.TIME));
    assertEquals(timeOfDay("09:12"), convert("2024-01-05T10:12:00+01:00", DataType.TIME));
    assertEquals(0, convert("00:00", DataType.TIME));
    assertEquals(Integer.class, convert("00:00", DataType.TIME).getClass());
    fails("25:00", DataType.TIME);
    fails("12:60", DataType.TIME);
    fails("noon", DataType.TIME);
    fails(1200L, DataType.TIME);
    fails(true, DataType.TIME);
  }

  // --- the exception ---------------------------------------------------------------------------

  @Test
  void conversionExceptionIsCheapAndShortensTheValue() {
    String longValue = "x".repeat(500);
    ConversionException e = fails(longValue, DataType.INTEGER);
    assertEquals("Cannot convert '" + "x".repeat(60) + "...' to INTEGER: not a number",
        e.getMessage());
    assertEquals(0, e.getStackTrace().length);
    assertEquals(0, new ConversionException("m").getStackTrace().length);
  }

  @Test
  void badValuesAreCheapBecauseTheirExceptionsRecordNoStackTrace() {
    // What makes a column of bad values cheap (no timed assertion: the cause, checked directly).
    ConversionException e = assertThrows(ConversionException.class, () -> convert("bad", DataType.INTEGER));
    assertEquals(0, e.getStackTrace().length);
    assertEquals(0, assertThrows(ConversionException.class, () -> convert("bad", DataType.TIMESTAMP))
        .getStackTrace().length);
  }
}
