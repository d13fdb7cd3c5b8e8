package dev.apiquery.profile.script;

import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.Invocation;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.Script;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.SourceLocation;
import java.util.List;
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
    Item source = call.in() == null ? items.callSettings() : items.item(call.in());
    return new ScriptInvocation(CallRequest.build(call, source, context, filters), stop, items, context);
  }

  /** The table's declared inputs, their defaults applied; fails on a missing required one. */
  public Map<String, String> inputsWithDefaults(Map<String, String> given) throws ProfileException {
    return effectiveInputs(given);
  }

  public FilterTargets filters() {
    return filters;
  }

  public SourceLocation location() {
    return location;
  }
}
