package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;

/** The test of an {@code api:check}, {@code api:if} and the like. */
@FunctionalInterface
public interface Condition {
  boolean test(ItemState items) throws ProfileException;
}
