package dev.apiquery.profile.script.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.ProfileException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every date formatter: .NET-style formats, detected inputs, UTC throughout. */
class DateFormattersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[d | todate('yyyy-MM-dd')] => 2024-01-05",
      "[d | todate(\"yyyy-MM-dd\")] => 2024-01-05",
      "[d | todate(yyyyMMdd)] => 20240105",
      "[d | todate] => 2024-01-05T00:00:00+00:00",
      "[dt | todate()] => 2024-01-31T09:12:30+00:00",
      "[dtz | todate('yyyy-MM-ddTHH:mm:ss')] => 2024-01-05T09:12:00",
      "[dtz | todate('yyyy-MM-dd''T''HH:mm:sszzz')] => 2024-01-05T09:12:00+00:00",
      "[dt | todate('yyyy-MM-dd HH:mm:ss.fff')] => 2024-01-31 09:12:30.000",
      "[dt | todate('dddd d MMM, h:mm tt')] => `Wednesday 31 Jan, 9:12 AM`",
      "[dt | todate('s')] => 2024-01-31T09:12:30",
      "[dt | todate('r')] => `Wed, 31 Jan 2024 09:12:30 GMT`",
      "[dt | todate('u')] => 2024-01-31 09:12:30Z",
      "[dt | todate('d')] => 01/31/2024",
      "[dt | todate(file)] => 133511659500000000",
      "[rfc | todate('yyyy-MM-dd HH:mm')] => 2024-01-05 09:12",
      "[us | todate('yyyy-MM-dd HH:mm')] => 2024-01-05 09:12",
      "[v05 | todate('yyyy-MM-dd', 'dd/MM/yyyy')] => 2024-01-05",
      "[d | todate('yyyy', 'dd/MM/yyyy')] => 2024",
      "[empty | todate(yyyy)] => ``",
      "[d | dateadd('day', 30, 'yyyy-MM-dd')] => 2024-02-04",
      "[dt | dateadd(month, 1, 'yyyy-MM-dd')] => 2024-02-29",
      "[d | dateadd('hour', -1, 'yyyy-MM-dd HH:mm')] => 2024-01-04 23:00",
      "[d | dateadd(year, 1)] => 2025-01-05T00:00:00+00:00",
      "[d | dateadd] => 2024-01-06T00:00:00+00:00",
      "[empty | dateadd(day, 1)] => ``",
      "[d | datediff('2024-02-04')] => 30",
      "[d | datediff([dt], 'hour')] => 633",
      "[d | compare('2024-01-06')] => -1",
      "[d | compare([d])] => 0",
      "[d | compare] => -1",
      "[dt | year] => 2024",
      "[dt | month] => 1",
      "[dt | day] => 31",
      "[dt | hour] => 9",
      "[dt | minute] => 12",
      "[dt | second] => 30",
      "[dt | dayofyear] => 31",
      "[dt | dayofweek] => Wednesday",
      "[v05 | day('dd/MM/yyyy')] => 5",
      "[dt | filetime] => 133511659500000000",
      "[ft | todate('yyyy-MM-dd HH:mm:ss', file)] => 2024-01-31 09:12:30",
  })
  void formatter(String template, String expected) throws ProfileException {
    Expand.VALUES.put("v05", "05/01/2024");
    Expand.VALUES.put("ft", "133511659500000000");
    assertEquals(expected, Expand.of(template));
  }

  @Test
  void nowAndDateAreTheCurrentUtcTimeAndNeedNoValue() throws ProfileException {
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    OffsetDateTime now = OffsetDateTime.parse(Expand.of("[now()]"));
    OffsetDateTime utc = OffsetDateTime.parse(Expand.of("[utcnow()]"));
    OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
    for (OffsetDateTime t : new OffsetDateTime[] {now, utc}) {
      assertTrue(!t.isBefore(before) && !t.isAfter(after), t + " is not now");
      assertEquals(ZoneOffset.UTC, t.getOffset());
    }
    String today = DateTimeFormatter.ofPattern("yyyy-MM-dd").format(after);
    String shown = Expand.of("[now('yyyy-MM-dd')]");
    assertTrue(shown.equals(today) || Duration.between(before, after).toDays() > 0, shown);
    assertEquals(Expand.of("[date('yyyy')]"), Expand.of("[x | now('yyyy')]"));
    assertEquals(String.valueOf(after.getYear() + 1),
        Expand.of("[now('yyyy-MM-dd') | dateadd(year, 1, yyyy)]"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[x | todate(yyyy)] => `formatter todate in [x]: 'Hello World' is not a date or date-time"
          + " (ISO-8601 such as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, RFC 1123, or MM/dd/yyyy; give the"
          + " input format otherwise)`",
      "[d | todate(yyyy, 'dd/MM/yyyy', true)] => formatter todate in [d]: '2024-01-05' does not"
          + " match the date format 'dd/MM/yyyy'",
      "[d | dateadd(fortnight, 1)] => `formatter dateadd in [d]: unknown date interval 'fortnight'"
          + " (year, month, week, day, hour, minute, second, millisecond)`",
      "[d | todate('yyyy{')] => `formatter todate in [d]: invalid date pattern 'yyyy{': Pattern"
          + " includes reserved character: '{'`",
  })
  void failuresNameFileLineAndFormatter(String template, String message) {
    String actual = assertThrows(ProfileException.class, () -> Expand.of(template)).getMessage();
    assertEquals("F.rsd:3: " + message, actual);
  }
}
