package dev.apiquery.profile.script;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.script.expr.Template;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code api:select value="[x]"} with {@code api:case value="a" [match="exact|glob|regex"]} and
 * {@code api:default}: runs the body of the first case whose value matches, else the default.
 * {@code exact} (the default) compares ignoring case; {@code glob} allows {@code *} and
 * {@code ?}; {@code regex} must match the whole value.
 */
public record SelectStatement(SourceLocation location, Template value, List<Case> cases,
    List<Statement> otherwise) implements Statement {

  public SelectStatement {
    cases = List.copyOf(cases);
    otherwise = List.copyOf(otherwise);
  }

  /** One {@code api:case}. */
  public record Case(Template value, String match, List<Statement> body) {
    public Case {
      body = List.copyOf(body);
    }

    boolean matches(String actual, ItemState items) throws ProfileException {
      String expected = value.expand(items);
      return switch (match) {
        case "glob" -> Pattern.compile(globToRegex(expected), Pattern.CASE_INSENSITIVE).matcher(actual).matches();
        case "regex" -> Pattern.compile(expected).matcher(actual).matches();
        default -> expected.equalsIgnoreCase(actual);
      };
    }

    private static String globToRegex(String glob) {
      StringBuilder out = new StringBuilder();
      for (char c : glob.toCharArray()) {
        out.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
      }
      return out.toString();
    }
  }

  /** The index of the case to run, or -1 for the default. */
  public int choose(ItemState items) throws ProfileException {
    String actual = value.expand(items);
    for (int i = 0; i < cases.size(); i++) {
      if (cases.get(i).matches(actual, items)) {
        return i;
      }
    }
    return -1;
  }

  /** The branch to run. */
  public List<Statement> branch(ItemState items) throws ProfileException {
    int chosen = choose(items);
    return chosen < 0 ? otherwise : cases.get(chosen).body();
  }

  @Override
  public CallReached execute(ExecutionState state) throws ProfileException {
    return Statements.run(branch(state.items()), state);
  }
}
