package dev.apiquery.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The character-by-character fast path gives what the regular-expression parser gives. */
class IsoDateTimeTest {
  @Test
  void commonShapesAreReadWithoutTheRegularExpression() {
    String[] shapes = {"2024-01-10", "2024-01-10T10:00", "2024-01-10T10:00:00Z", "2024-01-10 10:00:00.5+01:00",
        "2024-01-10T10:00:00.123456789-0530", "2024-01-10T10:00:00+02", "2024-02-30", "2024-01-10T24:00:00Z",
        "2024-01-10T10:00:00+19:00"};
    for (String s : shapes) {
      assertNotEquals(IsoDateTime.NOT_READ, IsoDateTime.epochMillis(s), s);
    }
    assertEquals(OffsetDateTime.parse("2024-01-10T10:00:00.123+01:00").toInstant().toEpochMilli(),
        IsoDateTime.epochMillis("2024-01-10T10:00:00.123456+01:00"));
    assertEquals(IsoDateTime.INVALID, IsoDateTime.epochMillis("2023-02-29"));
    assertEquals(IsoDateTime.INVALID, IsoDateTime.epochMillis("2024-13-01"));
  }

  @Test
  void otherShapesAreLeftToTheGeneralParser() {
    for (String s : new String[] {"2024-1-10", "2024-01-10t10:00", "2024-01-10T10:00:00z", "2024-01-10T10:00:00 Z",
        "2024-01-10T10:00:00UTC", "2024-01-10T10:00:00,5Z", "2024-01-10T10:00:00+01:00:30", "2024-01-10T1:00",
        "Tue, 3 Jun 2008 11:05:30 GMT", "20240110", "2024-01-10T10:00:00.Z", "2024-01-10Z", "2024-01-10T10:00:0"}) {
      assertEquals(IsoDateTime.NOT_READ, IsoDateTime.epochMillis(s), s);
    }
  }

  @Test
  void sameAnswerAsTheGeneralParserForRandomTexts() {
    Random random = new Random(7);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      texts.add(randomText(random));
    }
    int read = 0;
    for (String s : texts) {
      long fast = IsoDateTime.epochMillis(s);
      if (fast == IsoDateTime.NOT_READ) {
        continue;
      }
      read++;
      Long general = DateTimeText.parseGeneral(s);
      assertEquals(general, fast == IsoDateTime.INVALID ? null : fast, s);
    }
    assertEquals(true, read > 20_000, "read " + read);
  }

  /** A date-time of the shapes above, with fields now and then out of range or malformed. */
  private static String randomText(Random r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%04d-%02d-%02d", r.nextInt(10_000), r.nextInt(14), r.nextInt(33)));
    if (r.nextInt(5) > 0) {
      sb.append(r.nextInt(10) == 0 ? ' ' : 'T').append(String.format("%02d:%02d", r.nextInt(26), r.nextInt(62)));
      if (r.nextBoolean()) {
        sb.append(String.format(":%02d", r.nextInt(62)));
        if (r.nextBoolean()) {
          sb.append('.');
          for (int k = 1 + r.nextInt(11); k > 0; k--) {
            sb.append((char) ('0' + r.nextInt(10)));
          }
        }
      }
    }
    switch (r.nextInt(6)) {
      case 0 -> sb.append('Z');
      case 1 -> sb.append(String.format("%c%02d:%02d", r.nextBoolean() ? '+' : '-', r.nextInt(20), r.nextInt(62)));
      case 2 -> sb.append(String.format("%c%02d%02d", r.nextBoolean() ? '+' : '-', r.nextInt(20), r.nextInt(62)));
      case 3 -> sb.append(String.format("%c%02d", r.nextBoolean() ? '+' : '-', r.nextInt(20)));
      case 4 -> sb.append(r.nextInt(4) == 0 ? "x" : "");
      default -> { }
    }
    return sb.toString();
  }
}
