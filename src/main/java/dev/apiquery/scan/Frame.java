package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.ScriptContext;
import dev.apiquery.profile.script.ItemState;
import java.sql.SQLException;

/**
 * The mutable state of one run of a table's script (one iteration of its {@code rows@next}
 * loop): its items, the provider calls it makes, the loop signals of {@code api:continue} and
 * {@code api:break}, and the next-page value the run set. Single-threaded.
 */
final class Frame {
  enum Signal { NONE, CONTINUE, BREAK }

  final ItemState items;
  final ScriptContext context;
  final CallRuntime calls;
  Signal signal = Signal.NONE;
  /** Whether the loop body being opened is the first iteration of its api:call or api:enum. */
  boolean firstIteration;
  /** {@code rows@next} as the script last set it (or pushed it with utiladoPushPageToken). */
  String nextPage;
  /** Items the provider calls of this run returned. */
  long itemsReceived;
  /** Provider calls this run made. */
  int callsMade;

  Frame(ItemState items, ScriptContext context, CallRuntime calls) {
    this.items = items;
    this.context = context;
    this.calls = calls;
  }

  /** A script failure as the query's exception: table, file, line and the profile's message. */
  SQLException error(ProfileException e) {
    return calls.scriptError(e);
  }
}
