package dev.apiquery.profile;

import java.util.Map;

/**
 * What a script sees when it runs for one request chain.
 *
 * @param inputs values of {@code [_input.x]}, matched case-insensitively; includes defaults the
 *     caller already applied, and {@code rows@next} while paging
 * @param connection values of {@code [_connection.x]}, matched case-insensitively: every
 *     connection option and every {@code ProfileSettings}/{@code Other} key
 * @param filterBindings values for {@code other:filter} targets: key {@code Name} for a
 *     {@code {Name}} placeholder, or the bare request parameter name; matched case-insensitively
 */
public record ScriptContext(
    Map<String, String> inputs, Map<String, String> connection, Map<String, String> filterBindings) {
  public ScriptContext {
    inputs = CaseInsensitive.copyOf(inputs);
    connection = CaseInsensitive.copyOf(connection);
    filterBindings = CaseInsensitive.copyOf(filterBindings);
  }
}
