package toy.interpreter.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import toy.grammar.ToyBaseVisitor;
import toy.grammar.ToyParser;
import toy.interpreter.bytecode.Globals;
import toy.runtime.Suggestions;

/**
 * The first compiler pass: binds every name to a {@link Variable} following Toy's lexical,
 * block-structured scoping, so the code generator knows before it emits a {@code let} whether
 * some closure captures that variable.
 *
 * <p>A name is looked up from the innermost block outwards as far as the point where it is
 * used; a name declared nowhere around it is a global, looked up at run time (so a function
 * may use a global declared below it). {@code let} in the top-level block declares a global.
 * In a function made inside a block, a name no block declares as a local up to there, and that
 * the block declares further down, means that variable ({@link Scope#declaredBelow}): the function runs
 * later, and local functions may call each other and themselves through a {@code let}, as in
 * Python.
 */
final class Resolver extends ToyBaseVisitor<Void> {
    private final Globals globals;
    private final List<CompileError> errors;
    private final FormattedStrings formattedStrings;
    private final Map<Token, Variable> variables = new IdentityHashMap<>();
    private final Map<ParserRuleContext, FunctionInfo> functions = new IdentityHashMap<>();
    private final Deque<Scope> blocks = new ArrayDeque<>();
    /** Each block's variables bound when it starts ({@link Variable#boundAtEntry}). */
    private final Map<ToyParser.BlockContext, List<Variable>> boundAtEntry = new IdentityHashMap<>();
    private FunctionInfo function;

    Resolver(Globals globals, List<CompileError> errors, FormattedStrings formattedStrings) {
        this.globals = globals;
        this.errors = errors;
        this.formattedStrings = formattedStrings;
    }

    /** The variable a NAME token (a declaration or a use) stands for. */
    Variable variable(Token name) {
        return variables.get(name);
    }

    /**
     * Whether a NAME token used in an expression names a global the program never declares at
     * its top level: a builtin (or a name never defined, a NameError when it runs).
     */
    boolean namesUndeclaredGlobal(Token name) {
        Variable v = variables.get(name);
        return v != null && v.isGlobal() && !globals.declared(v.slot);
    }

    /** Whether a NAME token used in an expression names the variable of a {@code catch} (see {@link Variable#caught}). */
    boolean namesCaughtError(Token name) {
        Variable v = variables.get(name);
        return v != null && v.caught;
    }

    FunctionInfo function(ParserRuleContext node) {
        return functions.get(node);
    }

    /** The variables whose cells the block makes when it starts, before its first statement. */
    List<Variable> boundAtEntry(ToyParser.BlockContext block) {
        return boundAtEntry.getOrDefault(block, List.of());
    }

    @Override
    public Void visitProgram(ToyParser.ProgramContext ctx) {
        function = new FunctionInfo("<main>", null);
        functions.put(ctx, function);
        // The top level's names are globals, which a function finds by name whenever it runs.
        blocks.push(new Scope(function, null));
        visitChildren(ctx);
        blocks.pop();
        return null;
    }

    @Override
    public Void visitBlock(ToyParser.BlockContext ctx) {
        blocks.push(new Scope(function, ctx));
        visitChildren(ctx);
        boundAtEntry.put(ctx, blocks.pop().boundAtEntry);
        return null;
    }

    @Override
    public Void visitLetStatement(ToyParser.LetStatementContext ctx) {
        for (ToyParser.ExpressionContext value : ctx.values) {
            visit(value);
        }
        for (Token name : ctx.names) {
            declare(name);
        }
        return null;
    }

    @Override
    public Void visitFunctionDeclaration(ToyParser.FunctionDeclarationContext ctx) {
        declare(ctx.name);
        resolveFunction(ctx, ctx.name.getText(), ctx.parameters(), ctx.body);
        return null;
    }

    @Override
    public Void visitFunctionExpression(ToyParser.FunctionExpressionContext ctx) {
        resolveFunction(ctx, "<fn>", ctx.parameters(), ctx.body);
        return null;
    }

    private void resolveFunction(ParserRuleContext node, String name, ToyParser.ParametersContext parameters,
                                 ToyParser.BlockContext body) {
        // Default values are computed where the `fn` runs, so their names belong to the enclosing scope.
        if (parameters != null) {
            for (ToyParser.ParameterContext parameter : parameters.parameter()) {
                if (parameter.defaultValue != null) {
                    visit(parameter.defaultValue);
                }
            }
        }
        FunctionInfo outer = function;
        function = new FunctionInfo(name, outer);
        functions.put(node, function);
        // Parameters and the body's own declarations share one block: `let a` beside a parameter `a` is an error.
        blocks.push(new Scope(function, body));
        if (parameters != null) {
            boolean defaults = false;
            for (ToyParser.ParameterContext parameter : parameters.parameter()) {
                function.parameters.add(declare(parameter.name));
                if (parameter.defaultValue != null) {
                    defaults = true;
                } else if (defaults) {
                    errors.add(new CompileError(parameter.name.getLine(), parameter.name.getCharPositionInLine() + 1,
                            "a parameter without a default follows one with a default"));
                }
            }
        }
        for (ToyParser.StatementContext statement : body.statement()) {
            visit(statement);
        }
        boundAtEntry.put(body, blocks.pop().boundAtEntry);
        function = outer;
    }

    @Override
    public Void visitForStatement(ToyParser.ForStatementContext ctx) {
        visit(ctx.iterable);
        blocks.push(new Scope(function, null));
        for (Token variable : ctx.variables) {
            declare(variable);
        }
        visit(ctx.body);
        blocks.pop();
        return null;
    }

    @Override
    public Void visitListDisplay(ToyParser.ListDisplayContext ctx) {
        if (ctx.comprehensionFor().isEmpty()) {
            return visitChildren(ctx);
        }
        comprehension(ctx.comprehensionFor(), ctx.elements.get(0));
        return null;
    }

    @Override
    public Void visitMapDisplay(ToyParser.MapDisplayContext ctx) {
        if (ctx.comprehensionFor().isEmpty()) {
            return visitChildren(ctx);
        }
        ToyParser.MapEntryContext entry = ctx.entries.get(0);
        comprehension(ctx.comprehensionFor(), entry.key, entry.value);
        return null;
    }

    /** Each {@code for} clause opens a block for its variables, which the later clauses and the element see. */
    private void comprehension(List<ToyParser.ComprehensionForContext> clauses, ToyParser.ExpressionContext... element) {
        for (ToyParser.ComprehensionForContext clause : clauses) {
            visit(clause.iterable);
            blocks.push(new Scope(function, null));
            for (Token variable : clause.variables) {
                declare(variable);
            }
            for (ToyParser.OrExpressionContext condition : clause.conditions) {
                visit(condition);
            }
        }
        for (ToyParser.ExpressionContext e : element) {
            visit(e);
        }
        for (int i = 0; i < clauses.size(); i++) {
            blocks.pop();
        }
    }

    @Override
    public Void visitFormattedString(ToyParser.FormattedStringContext ctx) {
        resolveParts(formattedStrings.parts(ctx.FSTRING().getSymbol()));
        return null;
    }

    private void resolveParts(List<FormattedStrings.Part> parts) {
        for (FormattedStrings.Part part : parts) {
            if (part.expression() != null) {
                visit(part.expression());
            }
            if (part.specParts() != null) {
                resolveParts(part.specParts());
            }
        }
    }

    @Override
    public Void visitTryStatement(ToyParser.TryStatementContext ctx) {
        visit(ctx.body);
        blocks.push(new Scope(function, null));
        declare(ctx.variable).caught = true;
        visit(ctx.handler);
        blocks.pop();
        return null;
    }

    @Override
    public Void visitNameReference(ToyParser.NameReferenceContext ctx) {
        Token name = ctx.NAME().getSymbol();
        Variable v = lookup(name.getText());
        if (v.isGlobal() && !isDeclaredGlobal(v)) {
            v.nearLocal = nearestInScope(name.getText());
        }
        variables.put(name, v);
        return null;
    }

    /** Whether v is a global declared at the top level above this point ({@code let}, {@code fn}). */
    private boolean isDeclaredGlobal(Variable v) {
        return blocks.getLast().declared.get(v.name) == v;
    }

    /**
     * The variable in scope here whose name is nearest to name, as CPython 3.11 suggests a
     * frame's locals for a NameError ({@link Suggestions}); null when none is near. Only the
     * blocks open here count: a {@code let} of a block that has ended is not suggested. The
     * candidates come in the order they were declared, outermost block first, so that of two
     * equally near the first declared wins, as in CPython (which takes a frame's locals in
     * slot order).
     */
    private String nearestInScope(String name) {
        List<String> inScope = new ArrayList<>();
        for (Iterator<Scope> outermostFirst = blocks.descendingIterator(); outermostFirst.hasNext();) {
            for (Variable v : outermostFirst.next().declared.values()) {
                if (!v.isGlobal()) {
                    inScope.add(v.name);
                }
            }
        }
        return Suggestions.nearest(name, inScope);
    }

    private Variable declare(Token name) {
        Scope block = blocks.peek();
        String text = name.getText();
        if (block.declared.containsKey(text)) {
            errors.add(new CompileError(name.getLine(), name.getCharPositionInLine() + 1,
                    "'" + text + "' is already declared in this block"));
        }
        boolean topLevel = function.enclosing == null && blocks.size() == 1;
        Variable v = block.declare(text, () -> topLevel
                ? new Variable(text, null, globals.declare(text))
                : function.newLocal(text));
        variables.put(name, v);
        return v;
    }

    private Variable lookup(String name) {
        Variable v = declaredAround(name);
        if (v == null) {
            v = declaredBelow(name);
        }
        if (v == null) {
            v = blocks.getLast().declared.get(name);
        }
        if (v == null) {
            return new Variable(name, null, globals.indexOf(name));
        }
        if (!v.isGlobal() && v.owner != function) {
            v.captured = true;
            // Every function between the use and the owner passes the cell along.
            for (FunctionInfo f = function; f != v.owner; f = f.enclosing) {
                f.freeIndex(v);
            }
        }
        return v;
    }

    /**
     * The local of that name declared so far in the blocks open here, innermost first; else
     * null. (The top level's block, whose names are globals, comes last: {@link #lookup}.)
     */
    private Variable declaredAround(String name) {
        for (Scope block : blocks) {
            Variable v = block == blocks.getLast() ? null : block.declared.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * For a name no block open here has declared as a local so far: the variable that a block
     * of an enclosing function declares further down, innermost block first, since a function
     * made there runs later (as in Python, where a function's local hides a global of that
     * name); else null, and the name is a global. A local in scope keeps its meaning, as it does
     * for a use before a {@code let} outside such a function.
     */
    private Variable declaredBelow(String name) {
        for (Scope block : blocks) {
            Variable v = block.owner != function ? block.declaredBelow(name) : null;
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
