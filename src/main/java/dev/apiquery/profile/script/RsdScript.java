package dev.apiquery.profile.script;

import dev.apiquery.profile.CaseInsensitive;
import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.Script;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.uri.RequestUriBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The compiled script of one RSD file: its global statements and its GET block. Immutable and
 * thread-safe; every {@link #prepareSelect} runs on its own {@link ItemState}.
 */
public final class RsdScript implements Script {
  private final SourceLocation location;
  private final List<Statement> global;
  private final List<Statement> get;
  private final List<InputDef> inputs;
  private final FilterTargets filters;

  /**
   * @param location the file (and line of its root element)
   * @param global statements outside any {@code api:script method=...} block
   * @param get the statements of the GET block, or null when the file has none
   * @param inputs the table's declared inputs, for defaults and required checks
   * @param filters the table's {@code other:filter} targets
   */
  public RsdScript(SourceLocation location, List<Statement> global, List<Statement> get,
      List<InputDef> inputs, FilterTargets filters) {
    this.location = location;
    this.global = List.copyOf(global);
    this.get = get == null ? null : List.copyOf(get);
    this.inputs = List.copyOf(inputs);
    this.filters = filters;
  }

  public List<Statement> globalStatements() {
    return global;
  }

  /** The GET block's statements, or an empty list when the file has none. */
  public List<Statement> getStatements() {
    return get == null ? List.of() : get;
  }

  @Override
  public Invocation prepareSelect(ScriptContext context) throws ProfileException {
    ItemState items = ItemState.seeded(effectiveInputs(context.inputs()), context.connection());
    ExecutionState state = new ExecutionState(items, new SelectPreparation());
    CallReached stop = Statements.run(global, state);
    if (stop == null && get != null) {
      stop = Statements.run(get, state);
    }
    if (stop == null) {
      throw new ProfileException(location, get == null
          ? "no <api:script method=\"GET\"> block and no provider call: the table cannot be read"
          : "the GET script never reaches a provider call (api:call op=\"jsonproviderGet\")");
    }
    return invocation(stop, items, context);
  }

  /**
   * The caller normally applies defaults and rejects missing required inputs itself; doing it
   * here too keeps a script from ever running with a required input silently empty.
   */
  private Map<String, String> effectiveInputs(Map<String, String> given) throws ProfileException {
    Map<String, String> effective = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    effective.putAll(given);
    for (InputDef input : inputs) {
      String value = given.get(input.name());
      if (value == null || value.isEmpty()) {
        if (input.defaultValue() != null) {
          effective.put(input.name(), input.defaultValue());
        } else if (input.required()) {
          throw new ProfileException(location, "input '" + input.name() + "' is required"
              + (input.description() == null ? "" : ": " + input.description())
              + " (add WHERE " + input.name() + " = ...)");
        }
      }
    }
    return effective;
  }

  private Invocation invocation(CallReached stop, ItemState items, ScriptContext context)
      throws ProfileException {
    CallStatement call = stop.call();
    // api:call in="x" makes the provider read item x instead of the default item.
    Item source = call.in() == null ? items.defaultItem() : items.item(call.in());
    Map<String, String> attributes = new HashMap<>(source.snapshot());
    String rawUri = source.get("URI");
    if (rawUri == null || rawUri.isBlank()) {
      // As in CData, a connection option feeds the provider when the script does not set it.
      rawUri = context.connection().get("URI");
    }
    if (rawUri == null || rawUri.isBlank()) {
      throw new ProfileException(call.location(),
          "the URI attribute is not set when " + call.operation() + " is called");
    }
    String uri = RequestUriBuilder.build(rawUri.trim(), context.filterBindings(), filters.bareNames());
    attributes.keySet().removeIf(k -> k.equalsIgnoreCase("URI"));
    attributes.put("URI", uri);
    String method = source.get("method");
    method = method == null || method.isBlank() ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    Map<String, String> frozen = CaseInsensitive.copyOf(attributes);
    return new ScriptInvocation(method, uri, RequestHeaders.from(frozen), frozen, stop, items,
        context);
  }
}
