package ai.askel.confluence.plugins.declarative;

import java.util.ArrayList;
import java.util.List;

/**
 * The test of an {@code {{#if}}}: one or more values, each optionally negated with {@code not},
 * joined by {@code or} or by {@code and} (not both). A value is true when present and not blank,
 * not an empty list, and not {@code false}.
 */
record Condition(List<Expr> terms, List<Boolean> negated, boolean any) {
    Condition {
        terms = List.copyOf(terms);
        negated = List.copyOf(negated);
    }

    static Condition parse(String text, Position at, Problems problems) {
        String[] ors = text.split("\\s+or\\s+");
        String[] ands = text.split("\\s+and\\s+");
        if (ors.length > 1 && ands.length > 1) {
            problems.add(at, "a condition joins its values with 'or' or with 'and', not both: nest two {{#if}} instead");
            return null;
        }
        boolean any = ors.length > 1;
        List<Expr> terms = new ArrayList<>();
        List<Boolean> negated = new ArrayList<>();
        for (String term : any ? ors : ands) {
            String stripped = term.strip();
            boolean not = stripped.startsWith("not ");
            Expr expr = Expr.parse(not ? stripped.substring(4) : stripped, at, problems);
            if (expr == null) {
                return null;
            }
            terms.add(expr);
            negated.add(not);
        }
        return new Condition(terms, negated, any);
    }

    boolean test(Scope scope) {
        for (int i = 0; i < terms.size(); i++) {
            boolean value = Scope.truthy(terms.get(i).evaluate(scope)) != negated.get(i);
            if (any && value) {
                return true;
            }
            if (!any && !value) {
                return false;
            }
        }
        return !any;
    }

    List<Expr> exprs() {
        return terms;
    }
}
