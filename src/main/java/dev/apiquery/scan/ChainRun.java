package dev.apiquery.scan;

import dev.apiquery.http.CallTracker;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.script.Item;
import dev.apiquery.profile.script.ItemState;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.profile.script.Statement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One request chain (one set of input values) of a scan: runs the table's whole script, global
 * scope then GET block, as a tree of lazy operators, and yields the items it pushes. When a run
 * sets {@code rows@next} (an {@code api:set} of it, or {@code utiladoPushPageToken}), the script
 * runs again with that value as {@code [_input.rows@next]}; the loop ends when a run sets no
 * value, sets one already seen, or its calls return no items, and fails past {@code MaxPages}.
 */
public final class ChainRun {
  private final ScanSetup setup;
  private final RsdScript script;
  private final Map<String, String> inputs;
  private final Map<String, String> filterBindings;
  private final CallRuntime calls;
  private final Op program;
  private final Set<String> seenPages = new HashSet<>();
  private Frame frame;
  private Cursor cursor;
  private boolean finished;
  private int runs;
  private long itemsReceived;
  private long rowsPushed;
  private int callsMade;

  /**
   * @param inputs {@code [_input.x]} values (defaults applied)
   * @param filterBindings {@code other:filter} targets' values
   * @param window the rows this chain must deliver, for the row call of a simple script
   * @param speculationCap rows beyond which no page is fetched ahead; -1 for none
   * @param dryRun send nothing: record each call's first request (EXPLAIN)
   */
  public ChainRun(ScanSetup setup, RsdScript script, ScriptShape shape, Map<String, String> inputs,
      Map<String, String> filterBindings, ScanWindow window, long speculationCap,
      CallTracker tracker, boolean dryRun) {
    this.setup = setup;
    this.script = script;
    this.inputs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    this.inputs.putAll(inputs);
    this.filterBindings = filterBindings;
    this.calls = new CallRuntime(setup, tracker, shape.rowCall(), window, speculationCap, dryRun);
    List<Statement> all = new ArrayList<>(script.globalStatements());
    all.addAll(script.getStatements());
    this.program = ScriptOps.sequence(all);
  }

  /** The next pushed item, or null when the chain is done. */
  public Item next() throws SQLException {
    while (!finished) {
      if (cursor == null) {
        start();
      }
      Item row = cursor.next();
      if (row != null) {
        rowsPushed++;
        return row;
      }
      endRun();
    }
    return null;
  }

  private void start() throws SQLException {
    Map<String, String> effective;
    try {
      effective = script.inputsWithDefaults(inputs);
    } catch (ProfileException e) {
      throw calls.scriptError(e);
    }
    ScriptContext context = new ScriptContext(effective, setup.context().connectionValues(), filterBindings);
    ItemState items = ItemState.seeded(effective, context.connection());
    String nextPage = effective.get("rows@next");
    if (nextPage != null) {
      // Real profiles read it as [rows@next] too: on the default item, as CData's inputs are.
      items.scriptItem().set("rows@next", nextPage);
    }
    frame = new Frame(items, context, calls);
    runs++;
    cursor = program.open(frame);
  }

  private void endRun() throws SQLException {
    cursor.close();
    cursor = null;
    itemsReceived += frame.itemsReceived;
    callsMade += frame.callsMade;
    if (callsMade == 0) {
      throw calls.scriptError(new ProfileException(script.location(), script.getStatements().isEmpty()
          ? "no <api:script method=\"GET\"> block and no provider call: the table cannot be read"
          : "the GET script never reaches a provider call (api:call op=\"jsonproviderGet\")"));
    }
    String next = frame.nextPage;
    if (calls.dryRun() || next == null || next.isEmpty() || frame.itemsReceived == 0 || !seenPages.add(next)) {
      finished = true;
      return;
    }
    if (runs >= setup.context().maxPages()) {
      throw calls.error("paging did not end after MaxPages=" + setup.context().maxPages() + " runs of the "
          + "script (rows@next); the result would be incomplete, so the query fails (raise MaxPages if "
          + "the API really has more)");
    }
    inputs.put("rows@next", next);
  }

  /** Rows of the window's offset the row call skipped at the API. */
  public long rowsSkippedAtSource() {
    return calls.rowsSkippedAtSource();
  }

  /** Items the chain's calls returned so far. */
  public long itemsReceived() {
    return itemsReceived + (cursor != null ? frame.itemsReceived : 0);
  }

  /** Rows the chain pushed so far. */
  public long rowsPushed() {
    return rowsPushed;
  }

  /** A dry run's first requests, one line per call reached (nested calls indented). */
  public List<String> describe() throws SQLException {
    while (next() != null) {
      // Pushed rows of a dry run carry no values; only the calls it reaches matter.
    }
    return calls.described();
  }

  /** Stops the chain: pages fetched ahead are cancelled. */
  public void close() {
    finished = true;
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }
}
