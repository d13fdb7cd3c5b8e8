package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.BlockStatement;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.CheckCondition;
import dev.apiquery.profile.script.Condition;
import dev.apiquery.profile.script.ConditionalStatement;
import dev.apiquery.profile.script.CopyStatement;
import dev.apiquery.profile.script.FirstStatement;
import dev.apiquery.profile.script.IfCondition;
import dev.apiquery.profile.script.LoopControlStatement;
import dev.apiquery.profile.script.Operator;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.SetStatement;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.ThrowStatement;
import dev.apiquery.profile.script.UnsetStatement;
import dev.apiquery.profile.script.UnsupportedStatement;
import dev.apiquery.profile.script.ValidateStatement;
import dev.apiquery.profile.script.expr.Template;
import dev.apiquery.profile.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compiles script elements into {@link Statement}s once, at load time, so that malformed keywords,
 * unknown formatters and unknown {@code api:if} operators fail at connect time with file and line.
 */
final class ScriptCompiler {
  private final String file;
  /** Every attribute value and text of the file, lower-cased: where item references are looked for. */
  private String allValues = "";

  private final FlowKeywords keywords = new FlowKeywords(this);
  private final TryKeywords tries = new TryKeywords(this);

  ScriptCompiler(String file) {
    this.file = file;
  }

  private static void collectValues(XmlElement element, StringBuilder out) {
    element.attributes().forEach(a -> out.append(a.value()).append('\n'));
    out.append(element.text()).append('\n');
    element.children().forEach(child -> collectValues(child, out));
  }

  /** The global statements of a root element and its GET block (null when there is none). */
  record Compiled(List<Statement> global, List<Statement> get) {}

  Compiled compileRoot(XmlElement root) throws ProfileException {
    StringBuilder values = new StringBuilder();
    collectValues(root, values);
    allValues = values.toString().toLowerCase(Locale.ROOT);
    List<XmlElement> globalElements = new ArrayList<>();
    List<Statement> get = null;
    for (XmlElement child : root.children()) {
      if (RsdNames.is(child, "api:info")) {
        continue;
      }
      String method = child.attribute("method");
      if (RsdNames.is(child, "api:script") && method != null) {
        // Only GET (SELECT) matters to a read-only driver; the first GET block wins.
        if (get == null && handlesGet(method)) {
          get = tries.scriptBlock(child);
        }
        continue;
      }
      globalElements.add(child);
    }
    return new Compiled(compileBlock(globalElements), get);
  }

  private static boolean handlesGet(String methods) {
    for (String method : methods.split(",")) {
      if (method.trim().equalsIgnoreCase("GET")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Compiles sibling elements. An {@code api:else} right after a conditional becomes that
   * conditional's else branch.
   */
  List<Statement> compileBlock(List<XmlElement> elements) throws ProfileException {
    List<Statement> statements = new ArrayList<>();
    for (XmlElement element : elements) {
      if (RsdNames.is(element, "api:else")) {
        int last = statements.size() - 1;
        if (last < 0 || !(statements.get(last) instanceof ConditionalStatement previous)
            || !previous.otherwise().isEmpty()) {
          throw error(element, "<" + element.name() + "> does not follow an api:check or api:if");
        }
        statements.set(last, new ConditionalStatement(previous.location(), previous.condition(),
            previous.then(), compileBlock(element.children())));
        continue;
      }
      Statement statement = compile(element);
      if (statement != null) {
        statements.add(statement);
      }
    }
    return statements;
  }

  /**
   * The body of an {@code api:call} or {@code api:enum}: its {@code api:first} blocks run first in
   * the first iteration, wherever they are written (CData's rule), so they are moved to the front.
   */
  List<Statement> compileLoopBody(List<XmlElement> elements) throws ProfileException {
    List<Statement> firsts = new ArrayList<>();
    List<XmlElement> rest = new ArrayList<>();
    for (XmlElement element : elements) {
      if (RsdNames.is(element, "api:first")) {
        firsts.add(new FirstStatement(at(element), compileBlock(element.children())));
      } else {
        rest.add(element);
      }
    }
    firsts.addAll(compileBlock(rest));
    return firsts;
  }

  /** One element; null for elements that are not script (metadata, other prefixes). */
  private Statement compile(XmlElement element) throws ProfileException {
    if (!RsdNames.isScriptKeyword(element)) {
      // Elements without api:/rsb: (a stray attr, another tool's metadata) are not script.
      return null;
    }
    SourceLocation at = at(element);
    switch (RsdNames.keyword(element)) {
      case "api:set":
      case "api:setc":
        return element.hasAttribute("copyfrom") && element.attribute("attr") == null
            ? new CopyStatement(at, RsdNames.trimmed(element.attribute("item")),
                requireAttribute(element, "copyfrom"))
            : set(element);
      case "api:setm":
        return keywords.setMany(element);
      case "api:map":
        return keywords.map(element);
      case "api:null":
      case "api:notnull":
        return conditional(element, new IfCondition(requireAttribute(element, "attr"), null,
            RsdNames.is(element, "api:null") ? Operator.NULL : Operator.NOTNULL,
            Template.literal("", at)));
      case "api:enum":
        return keywords.enumeration(element);
      case "api:select":
        return keywords.select(element);
      case "api:continue":
      case "api:break":
        return new LoopControlStatement(at, RsdNames.is(element, "api:break"));
      case "api:unset":
        return new UnsetStatement(at, RsdNames.trimmed(element.attribute("item")),
            requireAttribute(element, "attr"));
      case "api:check":
        return conditional(element, check(element));
      case "api:if":
        return conditional(element, ifCondition(element));
      case "api:exists":
        return conditional(element, new IfCondition(requireAttribute(element, "attr"), null,
            Operator.NOTNULL, Template.literal("", at)));
      case "api:equals":
      case "api:notequals":
        return conditional(element, new IfCondition(requireAttribute(element, "attr"), null,
            RsdNames.is(element, "api:equals") ? Operator.EQUALS : Operator.NOTEQUALS,
            template(element, "value")));
      case "api:validate":
        return validate(element);
      case "api:throw":
        return new ThrowStatement(at, optionalTemplate(element, "code"),
            optionalTemplate(element, "desc", "description"), optionalTemplate(element, "details"));
      case "api:call": {
        TryKeywords.Parts parts = tries.split(element.children(), true);
        return TryKeywords.withFinally(at, call(element,
            TryKeywords.iteration(at, compileLoopBody(parts.rest()), parts.catches())), parts.finallyBody());
      }
      case "api:try":
        return tries.tryBlock(element);
      case "api:catch":
      case "api:finally":
        throw tries.misplaced(element);
      case "api:first":
        throw error(element, "<" + element.name() + "> must be written directly inside an api:call or api:enum");
      case "api:push":
        return push(element);
      case "api:script":
        return element.hasAttribute("method")
            ? (handlesGet(element.attribute("method")) ? new BlockStatement(at, tries.scriptBlock(element)) : null)
            : new BlockStatement(at, tries.scriptBlock(element));
      case "api:info":
        return null;
      default:
        return new UnsupportedStatement(at, element.name());
    }
  }

  private Statement set(XmlElement element) throws ProfileException {
    String attr = requireAttribute(element, "attr");
    String value = element.attribute("value");
    // <api:set attr="x">text</api:set> is accepted as a value written as content.
    Template template = Template.parse(value != null ? value : element.text().strip(), at(element));
    return new SetStatement(at(element), RsdNames.trimmed(element.attribute("item")), attr, template);
  }

  private Condition check(XmlElement element) throws ProfileException {
    String attr = RsdNames.trimmed(element.attribute("attr"));
    if (attr != null) {
      return new CheckCondition(attr, null);
    }
    if (element.hasAttribute("value")) {
      return new CheckCondition(null, template(element, "value"));
    }
    throw error(element, "<" + element.name() + "> needs an attr or a value");
  }

  private Condition ifCondition(XmlElement element) throws ProfileException {
    String attr = RsdNames.trimmed(element.attribute("attr"));
    Template exp = element.hasAttribute("exp") ? template(element, "exp") : null;
    if (attr == null && exp == null) {
      throw error(element, "<" + element.name() + "> needs an exp or an attr");
    }
    String operatorName = RsdNames.trimmed(element.attribute("operator"));
    Operator operator = operatorName == null ? Operator.EQUALS : Operator.fromName(operatorName);
    if (operator == null) {
      throw error(element, "unknown operator '" + operatorName + "' (expected one of "
          + "null, notnull, hasvalue, equals, equalsignorecase, notequals, lessthan, greaterthan)");
    }
    return new IfCondition(attr, attr == null ? exp : null, operator, template(element, "value"));
  }

  /** A conditional whose else branch may be written inside it as a child api:else. */
  private Statement conditional(XmlElement element, Condition condition) throws ProfileException {
    List<XmlElement> then = new ArrayList<>();
    List<Statement> otherwise = List.of();
    for (XmlElement child : element.children()) {
      if (RsdNames.is(child, "api:else")) {
        otherwise = compileBlock(child.children());
      } else {
        then.add(child);
      }
    }
    return new ConditionalStatement(at(element), condition, compileBlock(then), otherwise);
  }

  private Statement validate(XmlElement element) throws ProfileException {
    String attr = RsdNames.trimmed(element.attribute("attr"));
    if (attr == null && !element.hasAttribute("value")) {
      throw error(element, "<" + element.name() + "> needs an attr or a value");
    }
    return new ValidateStatement(at(element), attr,
        attr == null ? template(element, "value") : null,
        optionalTemplate(element, "desc", "description", "message"));
  }

  private Statement call(XmlElement element, List<Statement> body) throws ProfileException {
    String out = RsdNames.trimmed(element.attribute("out", "output"));
    boolean used = !body.isEmpty()
        || (out != null && allValues.contains("[" + out.toLowerCase(Locale.ROOT) + "."));
    return new CallStatement(at(element), requireAttribute(element, "op"),
        RsdNames.trimmed(element.attribute("in", "input")), out, body, used);
  }

  /** {@code <api:push op="x"/>} is shorthand for a call of x that pushes every row. */
  private Statement push(XmlElement element) throws ProfileException {
    PushStatement push = new PushStatement(at(element), RsdNames.trimmed(element.attribute("item")));
    return element.hasAttribute("op") ? call(element, List.of(push)) : push;
  }

  private String requireAttribute(XmlElement element, String name) throws ProfileException {
    String value = RsdNames.trimmed(element.attribute(name));
    if (value == null) {
      throw error(element, "<" + element.name() + "> has no " + name + " attribute");
    }
    return value;
  }

  /** The attribute as a template; a missing attribute is the empty template. */
  Template template(XmlElement element, String name) throws ProfileException {
    String value = element.attribute(name);
    return Template.parse(value == null ? "" : value, at(element));
  }

  private Template optionalTemplate(XmlElement element, String... names) throws ProfileException {
    String value = element.attribute(names);
    return value == null ? null : Template.parse(value, at(element));
  }

  SourceLocation at(XmlElement element) {
    return new SourceLocation(file, element.line());
  }

  ProfileException error(XmlElement element, String message) {
    return new ProfileException(at(element), message);
  }
}
