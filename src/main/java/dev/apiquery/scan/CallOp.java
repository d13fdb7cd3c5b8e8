package dev.apiquery.scan;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.script.CallRequest;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.Item;
import dev.apiquery.profile.script.ItemValues;
import dev.apiquery.profile.script.Operations;
import dev.apiquery.profile.script.PushStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code api:call}. A provider call ({@code jsonproviderGet} and aliases) builds its request
 * from the item it reads (its {@code in} item, else the default items in scope), pages through
 * the response and runs its body once per output item, which is the default item (and item
 * {@code out}) there; the body's pushes are the call's rows, so a nested call flat-maps.
 * {@code utiladoPushPageToken} sets the run's next-page value from {@code [in.pagetoken]}.
 */
final class CallOp implements Op {
  private final CallStatement call;
  private final Op body;
  /** The body is only {@code <api:push/>} of the output item: each item is a row as it is. */
  private final boolean pushesEachItem;

  CallOp(CallStatement call, Op body) {
    this.call = call;
    this.body = body;
    List<?> statements = call.body();
    this.pushesEachItem = statements.size() == 1 && statements.get(0) instanceof PushStatement push
        && (push.item() == null || push.item().equalsIgnoreCase(call.out()));
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    if (Operations.isPushPageToken(call.operation())) {
      Item page = call.in() == null ? frame.items.defaultItem() : frame.items.item(call.in());
      frame.nextPage = page.get("pagetoken");
      return Cursor.EMPTY;
    }
    if (!Operations.isProviderGet(call.operation())) {
      throw frame.error(new ProfileException(call.location(), "operation '" + call.operation()
          + "' is not supported (" + Operations.SUPPORTED + ")"));
    }
    Item settings = call.in() == null ? frame.items.callSettings() : frame.items.item(call.in());
    CallRequest request;
    try {
      request = CallRequest.build(call, settings, frame.context, frame.calls.filters());
    } catch (ProfileException e) {
      throw frame.error(e);
    }
    frame.callsMade++;
    CallPages pages = frame.calls.open(call, request, frame.items.depth());
    return new ItemsCursor(frame, pages);
  }

  /** Pulls the call's items page by page and runs the body for each. */
  private final class ItemsCursor implements Cursor {
    private final Frame frame;
    private final CallPages pages;
    private List<ItemValues> page = List.of();
    private int position;
    private Cursor current;
    private boolean done;
    private boolean bodyRan;

    ItemsCursor(Frame frame, CallPages pages) {
      this.frame = frame;
      this.pages = pages;
    }

    @Override
    public Item next() throws SQLException {
      while (true) {
        if (current != null) {
          Item row = current.next();
          if (row != null) {
            return row;
          }
          endItem();
        }
        if (done) {
          return null;
        }
        if (position < page.size()) {
          Item item = new Item(call.out() == null ? "" : call.out(), page.get(position++));
          frame.itemsReceived++;
          if (pushesEachItem) {
            return item;
          }
          frame.items.enterScope(item);
          frame.firstIteration = !bodyRan;
          bodyRan = true;
          current = body.open(frame);
          continue;
        }
        if (!pages.hasNext()) {
          close();
          return null;
        }
        page = pages.take();
        position = 0;
      }
    }

    private void endItem() {
      current.close();
      current = null;
      frame.items.exitScope();
      Frame.Signal signal = frame.signal;
      frame.signal = Frame.Signal.NONE;
      if (signal == Frame.Signal.BREAK) {
        close();
      }
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
        frame.items.exitScope();
      }
      done = true;
      page = List.of();
      pages.close();
    }
  }
}
