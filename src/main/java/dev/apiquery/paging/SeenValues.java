package dev.apiquery.paging;

import java.util.HashSet;
import java.util.Set;

/** The next-page URLs or tokens a chain has followed: a repeat means the API is looping. */
final class SeenValues {
  private final Set<String> seen = new HashSet<>();

  /** Records the value; false when it was seen before. */
  boolean firstTime(String value) {
    return seen.add(value);
  }
}
