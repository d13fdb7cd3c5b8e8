package dev.apiquery.scan;

import dev.apiquery.profile.script.BlockStatement;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.ConditionalStatement;
import dev.apiquery.profile.script.EnumStatement;
import dev.apiquery.profile.script.FirstStatement;
import dev.apiquery.profile.script.Operations;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.profile.script.SelectStatement;
import dev.apiquery.profile.script.SetStatement;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.TryStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a script's structure tells the scan before it runs. A script is <em>simple</em> when its
 * rows are exactly the items of one provider call (one call, not in a loop, whose body only
 * pushes its item, no other push, no scripted paging): that call may then skip the OFFSET at
 * the API, ask for the LIMIT and fetch pages ahead, and only the projected columns are read.
 */
public final class ScriptShape {
  private final CallStatement rowCall;
  private final List<CallStatement> unusedOutputs;
  private final String scriptedPaging;

  private ScriptShape(CallStatement rowCall, List<CallStatement> unusedOutputs, String scriptedPaging) {
    this.rowCall = rowCall;
    this.scriptedPaging = scriptedPaging;
    this.unusedOutputs = List.copyOf(unusedOutputs);
  }

  public static ScriptShape of(RsdScript script) {
    Survey survey = new Survey();
    survey.walk(script.globalStatements(), false);
    survey.walk(script.getStatements(), false);
    CallStatement row = null;
    if (survey.providerCalls.size() == 1 && survey.otherPushes == 0 && !survey.scriptedPaging
        && !survey.callInLoop) {
      CallStatement only = survey.providerCalls.get(0);
      if (only.body().size() == 1 && only.body().get(0) instanceof PushStatement push
          && (push.item() == null || push.item().equalsIgnoreCase(only.out()))) {
        row = only;
      }
    }
    String paging = survey.pushesToken ? "scripted (utiladoPushPageToken)"
        : survey.scriptedPaging ? "scripted (rows@next)" : null;
    return new ScriptShape(row, survey.unused, paging);
  }

  /** Whether the rows are the items of one call, one for one. */
  public boolean simple() {
    return rowCall != null;
  }

  /** That call, or null. */
  public CallStatement rowCall() {
    return rowCall;
  }

  /** How the script pages itself ({@code scripted (rows@next)}), or null when it does not. */
  public String scriptedPaging() {
    return scriptedPaging;
  }

  /** Provider calls whose output nothing reads: no body and no later reference to their item. */
  public List<CallStatement> unusedOutputs() {
    return unusedOutputs;
  }

  private static final class Survey {
    final List<CallStatement> providerCalls = new ArrayList<>();
    final List<CallStatement> unused = new ArrayList<>();
    int otherPushes;
    boolean scriptedPaging;
    boolean pushesToken;
    boolean callInLoop;

    void walk(List<Statement> block, boolean inLoop) {
      for (Statement s : block) {
        if (s instanceof CallStatement call) {
          if (Operations.isPushPageToken(call.operation())) {
            scriptedPaging = true;
            pushesToken = true;
            continue;
          }
          providerCalls.add(call);
          callInLoop |= inLoop;
          if (!call.outputUsed()) {
            unused.add(call);
          }
          boolean onlyPush = call.body().size() == 1 && call.body().get(0) instanceof PushStatement;
          if (!onlyPush) {
            walk(call.body(), true);
          }
        } else if (s instanceof PushStatement) {
          otherPushes++;
        } else if (s instanceof SetStatement set && set.attrName().equalsIgnoreCase("rows@next")) {
          scriptedPaging = true;
        } else if (s instanceof ConditionalStatement c) {
          walk(c.then(), inLoop);
          walk(c.otherwise(), inLoop);
        } else if (s instanceof BlockStatement b) {
          walk(b.body(), inLoop);
        } else if (s instanceof TryStatement t) {
          walk(t.body(), inLoop);
          t.catches().forEach(c -> walk(c.body(), inLoop));
          walk(t.finallyBody(), inLoop);
        } else if (s instanceof FirstStatement f) {
          walk(f.body(), inLoop);
        } else if (s instanceof EnumStatement e) {
          walk(e.body(), true);
        } else if (s instanceof SelectStatement sel) {
          sel.cases().forEach(c -> walk(c.body(), inLoop));
          walk(sel.otherwise(), inLoop);
        }
      }
    }
  }
}
