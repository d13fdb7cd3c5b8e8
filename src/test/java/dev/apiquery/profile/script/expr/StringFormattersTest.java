package dev.apiquery.profile.script.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.apiquery.profile.ProfileException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every string formatter, with the argument forms real files use. */
class StringFormattersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      // split: 1-based token, quoted with ' or ", spaces optional, default token 1
      "[s | split(',', 2)] => b",
      "[s | split(\",\",2)] => b",
      "[s | split(',', 3)] => ``",
      "[s | split(',', 9)] => ``",
      "[s | split(',')] => a",
      "[url | split('page=', 2) | split('&', 1)] => 3",
      "[url | split('?', 2)] => page=3&per_page=50",
      "[x | split('', 1)] => Hello World",
      "[x | substring(6)] => World",
      "[x | substring(0, 5)] => Hello",
      "[x | substring(6, 99)] => World",
      "[x | substring(99)] => ``",
      "[x | truncate(4)] => Hell",
      "[x | truncate(40)] => Hello World",
      "[x | insert(5, ',')] => Hello, World",
      "[x | remove(5)] => Hello",
      "[x | remove(0, 6)] => World",
      "[n | lpad(3, '0')] => 005",
      "[n | lpad(3)] => `  5`",
      "[n | rpad(4, 'ab')] => 5aba",
      "[x | lpad(2, '0')] => Hello World",
      "[x | getlength()] => 11",
      "[x | getlength] => 11",
      "[empty | length] => 0",
      "[x | count(o)] => 2",
      "[x | find('World')] => 6",
      "[x | find(o, 5)] => 7",
      "[x | find(z)] => -1",
      "[x | contains('o W')] => true",
      "[x | contains(zz, yes, no)] => no",
      "[x | startswith(Hell, 1, 0)] => 1",
      "[x | endswith('World')] => true",
      "[x | equals('Hello World', same)] => same",
      "[x | equals('hello world')] => false",
      "[x | equalsignorecase('hello world')] => true",
      "[n | isnumeric] => true",
      "[x | isnumeric(y, n)] => n",
      "[x | isalpha] => false",
      "[yes | isalpha] => true",
      "[yes | isalphanumeric] => true",
      "[yes | islower] => true",
      "[x | isupper] => false",
      "[x | base64encode] => SGVsbG8gV29ybGQ=",
      "[b64 | base64decode()] => Hello World",
      "[x | base64encode('UTF-16BE') | base64decode('UTF-16BE')] => Hello World",
      "[x | urlencode] => Hello%20World",
      "[url | urlencode | urldecode] => https://x.test/items?page=3&per_page=50",
      "`[ x | TRIM ]` => Hello World",
      "[x | tolower] => hello world",
      "[x | toupper] => HELLO WORLD",
      "[x | replace('World', [n])] => Hello 5",
      // def: no argument, quoted, unquoted, nested reference
      "[missing | def()] => ``",
      "[missing | def] => ``",
      "[n | def()] => 5",
      "[missing | def('a, b')] => `a, b`",
      "[missing | def(7)] => 7",
      "[missing | default([n])] => 5",
      "[x | regexmatch('o.')] => `o `",
      "[x | regexmatch('o.', 1)] => or",
      "[x | regexmatch('o.', 5)] => ``",
      "[x | match('WORLD', 0, 'IgnoreCase')] => World",
      "[url | regexmatch('page=[0-9]+')] => page=3",
      "[x | regexreplace('[aeiou]', '*')] => H*ll* W*rld",
      "[x | regexreplace('(\\w+) (\\w+)', '$2 $1')] => World Hello",
      "[x | regexreplace('HELLO', 'Bye', 'IgnoreCase')] => Bye World",
  })
  void formatter(String template, String expected) throws ProfileException {
    assertEquals(expected, Expand.of(template));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[s | split(',', 0)] => formatter split in [s]: index 0 is not a token number (the first token is 1)",
      "[s | split(',', two)] => formatter split in [s]: index 'two' is not a whole number",
      "[x | insert(40, a)] => formatter insert in [x]: index 40 is past the end of 'Hello World'",
      "[x | substring(-1)] => formatter substring in [x]: startindex -1 is negative",
      "[pct | base64decode] => formatter base64decode in [pct]: '100%' is not Base64",
      "[x | base64encode(klingon)] => formatter base64encode in [x]: unknown character encoding 'klingon'",
      "[x | regexmatch('(')] => `formatter regexmatch in [x]: invalid regular expression '(': Unclosed group`",
      "[x | regexmatch(a, 0, Fuzzy)] => `formatter regexmatch in [x]: unknown regular expression option 'Fuzzy' (IgnoreCase, Multiline, Singleline, IgnorePatternWhitespace)`",
      "[pct | urldecode] => formatter urldecode in [pct]: '100%' is not URL-encoded",
  })
  void failuresNameFileLineAndFormatter(String template, String message) {
    String actual = assertThrows(ProfileException.class, () -> Expand.of(template)).getMessage();
    assertEquals("F.rsd:3: " + message, actual);
  }
}
