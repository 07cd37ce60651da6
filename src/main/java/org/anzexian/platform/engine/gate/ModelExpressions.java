package org.anzexian.platform.engine.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The expressions a deployed model may hold (issue #11), in {@code ${…}} or {@code #{…}} anywhere in an
 * attribute or text: process variables and literals combined with comparisons, logic and arithmetic
 * ({@code ${verdict == 'reject'}}, {@code ${!covered}}); a call of a public method of a {@link ForModels}
 * bean with literal arguments ({@code ${filingSchedule.correctionDeadline()}}); the engine's date and
 * user functions ({@code ${now()}}). A {@code delegateExpression} is exactly {@code ${bean}} of a delegate
 * or listener bean. Nothing else: no member of a variable, literal or other bean ({@code .getClass()},
 * {@code Runtime.exec}), no index, no assignment, no lambda — so an expression reaches no Java.
 */
final class ModelExpressions {

    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
    private static final Set<String> WORD_OPERATORS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge",
            "div", "mod", "empty", "true", "false", "null");
    private static final Set<String> SYMBOLS = Set.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*",
            "/", "%", "(", ")", ",");
    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

    private final ModelBeans beans;

    ModelExpressions(ModelBeans beans) {
        this.beans = beans;
    }

    static boolean holdsExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    /** What is wrong with a {@code delegateExpression}; empty if it names a delegate or listener bean. */
    Optional<Reason> checkDelegate(String text) {
        Matcher matcher = DELEGATE.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.of(new Reason("委托表达式只能写成 ${bean名称}：" + text,
                    "a delegate expression must be ${beanName}: " + text));
        }
        String name = matcher.group(1);
        if (!beans.delegates().contains(name)) {
            return Optional.of(new Reason("「" + name + "」不是供流程模型使用的委托或监听器", 
                    "'" + name + "' is not a delegate or listener meant for models"));
        }
        return Optional.empty();
    }

    /** What is wrong with the expressions in a text; empty if every one keeps to the allowed grammar. */
    List<Reason> check(String text) {
        List<Reason> reasons = new ArrayList<>();
        int at = 0;
        while (true) {
            int start = nextStart(text, at);
            if (start < 0) {
                return reasons;
            }
            int end = closing(text, start + 2);
            if (end < 0) {
                reasons.add(new Reason("表达式没有结束的 }：" + text, "an expression is not closed by }: " + text));
                return reasons;
            }
            checkBody(text.substring(start + 2, end), text.substring(start, end + 1)).ifPresent(reasons::add);
            at = end + 1;
        }
    }

    private static int nextStart(String text, int from) {
        int dollar = text.indexOf("${", from);
        int hash = text.indexOf("#{", from);
        return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
    }

    /** The index of the brace that closes the expression, skipping string literals; -1 if none. */
    private static int closing(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    private Optional<Reason> checkBody(String body, String expression) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < body.length(); ) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < body.length() && body.charAt(end) != c) {
                    end += body.charAt(end) == '\\' ? 2 : 1;
                }
                tokens.add("'");
                i = end + 1;
            } else if (Character.isDigit(c)) {
                Matcher number = NUMBER.matcher(body).region(i, body.length());
                number.lookingAt();
                tokens.add("0");
                i = number.end();
            } else if (Character.isJavaIdentifierStart(c)) {
                int end = i;
                while (end < body.length() && Character.isJavaIdentifierPart(body.charAt(end))) {
                    end++;
                }
                tokens.add(body.substring(i, end));
                i = end;
            } else {
                String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
                String symbol = SYMBOLS.contains(two) ? two : String.valueOf(c);
                if (!SYMBOLS.contains(symbol) && !symbol.equals(".")) {
                    return Optional.of(unsupported(expression, symbol));
                }
                tokens.add(symbol);
                i += symbol.length();
            }
        }
        return checkTokens(tokens, expression);
    }

    private Optional<Reason> checkTokens(List<String> tokens, String expression) {
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (token.equals(".")) {
                return Optional.of(memberOfValue(expression));
            }
            if (!Character.isJavaIdentifierStart(token.charAt(0)) || WORD_OPERATORS.contains(token)) {
                continue;
            }
            if (next.equals(".")) {
                String method = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
                boolean call = i + 3 < tokens.size() && tokens.get(i + 3).equals("(");
                if (!beans.forModels().contains(token)) {
                    return Optional.of(beans.exists(token) ? beanNotForModels(token) : memberOfValue(expression));
                }
                if (!call || !beans.methodsOf(token).contains(method)) {
                    return Optional.of(new Reason("「" + token + "」没有可供流程模型调用的方法「" + method + "」：" + expression,
                            "'" + token + "' has no method '" + method + "' meant for models: " + expression));
                }
                i += 2;
            } else if (next.equals("(")) {
                if (!FUNCTIONS.contains(token)) {
                    return Optional.of(new Reason("表达式中不允许调用函数「" + token + "」：" + expression,
                            "expressions may not call the function '" + token + "': " + expression));
                }
            } else if (beans.exists(token) && !beans.isAllowed(token)) {
                return Optional.of(beanNotForModels(token));
            }
        }
        return Optional.empty();
    }

    private static Reason beanNotForModels(String name) {
        return new Reason("表达式不能使用「" + name + "」，它不是供流程模型使用的组件",
                "expressions may not use '" + name + "': it is not a bean meant for models");
    }

    private static Reason memberOfValue(String expression) {
        return new Reason("表达式只能读取流程变量，不能访问其成员或 Java 类：" + expression,
                "expressions may read process variables but not their members or Java classes: " + expression);
    }

    private static Reason unsupported(String expression, String symbol) {
        return new Reason("表达式中不允许使用「" + symbol + "」：" + expression,
                "expressions may not use '" + symbol + "': " + expression);
    }
}
