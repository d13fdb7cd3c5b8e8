package dev.apiquery.profile.script.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.ProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every math formatter, with CData's defaults and the argument forms real files use. */
class MathFormattersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[n | add(1)] => 6",
      "[n | add] => 6",
      "[n | add()] => 6",
      "[n | add('10')] => 15",
      "[n | add([n])] => 10",
      "[missing | add(100)] => 100",
      "[n | mathadd(0.5)] => 5.5",
      "[n | subtract] => 4",
      "[n | subtract(7)] => -2",
      "[n | mathsub([two])] => 3",
      "[n | multiply(3)] => 15",
      "[n | multiply] => 10",
      "[n | multiply([neg])] => -12.5",
      "[n | div] => 2.5",
      "[n | divide(4)] => 1.25",
      "[n | divide(3) | round(4)] => 1.6667",
      "[n | modulus(3)] => 2",
      "[n | mathmod(5)] => 0",
      "[two | pow] => 4",
      "[two | pow(10)] => 1024",
      "[two | mathpow(-1)] => 0.5",
      "[neg | round] => -3",
      "[n | divide(4) | round(1)] => 1.3",
      "[n | mathround(0)] => 5",
      "[neg | abs] => 2.5",
      "[neg | ceiling] => -2",
      "[neg | floor] => -3",
      "[n | divide(2) | ceiling()] => 3",
      "[n | multiply(5) | sqrt] => 5",
      "[n | greaterthan(4)] => true",
      "[n | greaterthan(5, big, small)] => small",
      "[n | isgreater([two])] => true",
      "[n | lessthan(10, yes)] => yes",
      "[n | isless(1)] => false",
      "[n | isequal(5.0)] => true",
      "[n | isequal(4, same, different)] => different",
      "[n | isbetween(1, 5)] => true",
      "[n | isbetween(6, 9, in, out)] => out",
      "[yes | and(true)] => true",
      "[yes | and(0)] => false",
      "[empty | or(1)] => true",
      "[n | add(1) | multiply(100) | subtract(1)] => 599",
  })
  void formatter(String template, String expected) throws ProfileException {
    assertEquals(expected, Expand.of(template));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "[x | add(1)] => formatter add in [x]: 'Hello World' is not a number",
      "[n | multiply(x)] => formatter multiply in [n]: argument 'x' is not a number",
      "[n | divide(0)] => formatter divide in [n]: division by zero",
      "[n | modulus(0)] => formatter modulus in [n]: modulus by zero",
      "[neg | sqrt] => formatter sqrt in [neg]: cannot take the square root of -2.5",
      "[n | and(maybe)] => `formatter and in [n]: value '5' is not a boolean (true/false, yes/no, 1/0)`",
      "[n | round(x)] => formatter round in [n]: digits 'x' is not a whole number",
  })
  void failuresNameFileLineAndFormatter(String template, String message) {
    String actual = assertThrows(ProfileException.class, () -> Expand.of(template)).getMessage();
    assertEquals("F.rsd:3: " + message, actual);
  }

  @Test
  void randomStaysBelowItsBound() throws ProfileException {
    for (int i = 0; i < 50; i++) {
      int value = Integer.parseInt(Expand.of("[rand(3)]"));
      assertTrue(value >= 0 && value < 3, "rand(3) gave " + value);
      assertTrue(Integer.parseInt(Expand.of("[x | random(2)]")) < 2);
    }
  }
}
