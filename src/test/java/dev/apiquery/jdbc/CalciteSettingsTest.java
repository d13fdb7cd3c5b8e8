package dev.apiquery.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CalciteSettingsTest {
  /** The parser is named as text (so that connecting does not load it): the text must name it. */
  @Test
  void theParserFactoryNamesKeywordFriendlyParser() {
    assertEquals(KeywordFriendlyParser.class.getName() + "#FACTORY", CalciteSettings.properties().getProperty("parserFactory"));
  }
}
