package dev.apiquery.profile;

/** The executable part of an RSD file: its global {@code api:set}s and its GET block. */
public interface Script {
  /**
   * Runs the global scope and the GET block with the given context up to the first provider call
   * and returns that call's request. {@code api:validate}, {@code api:throw} and similar failures
   * come back as a {@link ProfileException} whose message is the profile's own text.
   */
  Invocation prepareSelect(ScriptContext context) throws ProfileException;
}
