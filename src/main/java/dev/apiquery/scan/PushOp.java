package dev.apiquery.scan;

import dev.apiquery.profile.script.Item;
import dev.apiquery.profile.script.PushStatement;

/**
 * {@code api:push}: emits one row, the named item or else the default item (inside a call
 * body, the call's output item). The consumer converts it before pulling again, so the item is
 * not copied.
 */
final class PushOp implements Op {
  private final PushStatement push;

  PushOp(PushStatement push) {
    this.push = push;
  }

  @Override
  public Cursor open(Frame frame) {
    Item item = push.item() == null ? frame.items.defaultItem() : frame.items.item(push.item());
    return new Cursor() {
      private boolean done;

      @Override
      public Item next() {
        if (done) {
          return null;
        }
        done = true;
        return item;
      }
    };
  }
}
