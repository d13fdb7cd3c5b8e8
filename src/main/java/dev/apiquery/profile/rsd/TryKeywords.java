package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.TryStatement;
import dev.apiquery.profile.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles {@code api:try}, {@code api:catch} and {@code api:finally} where CData's pages place
 * them: a catch inside {@code api:try} or directly in an {@code api:call} body (whose scope is an
 * implicit try section), a finally inside {@code api:try}, {@code api:call} or a method's
 * {@code api:script} block. Anywhere else they fail to compile, naming file and line.
 */
final class TryKeywords {
  private final ScriptCompiler compiler;

  TryKeywords(ScriptCompiler compiler) {
    this.compiler = compiler;
  }

  /** A scope's children apart from its catch and finally blocks, and those blocks compiled. */
  record Parts(List<XmlElement> rest, List<TryStatement.Catch> catches, List<Statement> finallyBody) {}

  Parts split(List<XmlElement> children, boolean catchAllowed) throws ProfileException {
    List<XmlElement> rest = new ArrayList<>();
    List<TryStatement.Catch> catches = new ArrayList<>();
    List<Statement> finallyBody = new ArrayList<>();
    for (XmlElement child : children) {
      if (RsdNames.is(child, "api:catch") && catchAllowed) {
        catches.add(new TryStatement.Catch(child.attribute("code"), compiler.compileBlock(child.children())));
      } else if (RsdNames.is(child, "api:finally")) {
        finallyBody.addAll(compiler.compileBlock(child.children()));
      } else {
        rest.add(child);
      }
    }
    return new Parts(rest, catches, finallyBody);
  }

  /** An {@code api:catch} or {@code api:finally} outside the keywords that take one. */
  ProfileException misplaced(XmlElement element) {
    return compiler.error(element, "<" + element.name() + "> must be written directly inside "
        + (RsdNames.is(element, "api:catch") ? "an api:try or api:call" : "an api:try, an api:call or a method's api:script block"));
  }

  /** {@code <api:try>}: its body, its catches and its finally. */
  Statement tryBlock(XmlElement element) throws ProfileException {
    Parts parts = split(element.children(), true);
    if (parts.catches().isEmpty() && parts.finallyBody().isEmpty()) {
      throw compiler.error(element, "<" + element.name() + "> has no api:catch or api:finally");
    }
    return new TryStatement(compiler.at(element), compiler.compileBlock(parts.rest()), parts.catches(),
        parts.finallyBody());
  }

  /** A method's {@code api:script} block; its finally runs after the rest of the block. */
  List<Statement> scriptBlock(XmlElement element) throws ProfileException {
    Parts parts = split(element.children(), false);
    List<Statement> body = compiler.compileBlock(parts.rest());
    return parts.finallyBody().isEmpty() ? body
        : List.of(new TryStatement(compiler.at(element), body, List.of(), parts.finallyBody()));
  }

  /** The statements of one iteration of a call, catches applied to them. */
  static List<Statement> iteration(SourceLocation at, List<Statement> body, List<TryStatement.Catch> catches) {
    return catches.isEmpty() ? body : List.of(new TryStatement(at, body, catches, List.of()));
  }

  /** {@code statement} followed by {@code finallyBody} when control leaves it, or itself. */
  static Statement withFinally(SourceLocation at, Statement statement, List<Statement> finallyBody) {
    return finallyBody.isEmpty() ? statement : new TryStatement(at, List.of(statement), List.of(), finallyBody);
  }
}
