package dev.apiquery.profile.script;

import dev.apiquery.profile.CaseInsensitive;
import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.script.uri.RequestUriBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The request one provider call makes, built from the item it reads its settings from: URI
 * (placeholders filled, empty parameters dropped), method, headers and body. Immutable.
 */
public final class CallRequest implements Invocation {
  private final String operation;
  private final String method;
  private final String uri;
  private final List<Map.Entry<String, String>> headers;
  private final Map<String, String> attributes;
  private final RequestBody body;

  private CallRequest(String operation, String method, String uri,
      List<Map.Entry<String, String>> headers, Map<String, String> attributes, RequestBody body) {
    this.operation = operation;
    this.method = method;
    this.uri = uri;
    this.headers = List.copyOf(headers);
    this.attributes = attributes;
    this.body = body;
  }

  /**
   * @param call the {@code api:call}
   * @param settings the item the call reads ({@code in}, else the default item)
   * @param context the inputs, connection values and filter bindings of the run
   * @param filters the table's {@code other:filter} targets
   */
  public static CallRequest build(CallStatement call, Item settings, ScriptContext context,
      FilterTargets filters) throws ProfileException {
    Map<String, String> attributes = new HashMap<>(settings.snapshot());
    String rawUri = settings.get("URI");
    if (rawUri == null || rawUri.isBlank()) {
      // As in CData, a connection option feeds the provider when the script does not set it.
      rawUri = context.connection().get("URI");
    }
    if (rawUri == null || rawUri.isBlank()) {
      throw new ProfileException(call.location(),
          "the URI attribute is not set when " + call.operation() + " is called");
    }
    // {Name} placeholders take other:filter bindings first, then plain <input> values.
    Map<String, String> bindings = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    bindings.putAll(context.inputs());
    bindings.remove("rows@next");
    bindings.putAll(context.filterBindings());
    String uri = RequestUriBuilder.build(rawUri.trim(), bindings, context.filterBindings(),
        filters.bareNames());
    attributes.keySet().removeIf(k -> k.equalsIgnoreCase("URI"));
    attributes.put("URI", uri);
    String method = settings.get("method");
    method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    Map<String, String> frozen = CaseInsensitive.copyOf(attributes);
    return new CallRequest(Operations.normalize(call.operation()), method, uri,
        RequestHeaders.from(frozen), frozen, RequestBody.of(frozen, method, call));
  }

  @Override
  public String operation() {
    return operation;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  @Override
  public Map<String, String> attributes() {
    return attributes;
  }

  /** The body to send, or null for none. */
  public RequestBody body() {
    return body;
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }
}
