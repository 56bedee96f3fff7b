package toy.interpreter.compiler;

import static toy.interpreter.bytecode.Opcode.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import toy.grammar.ToyBaseVisitor;
import toy.grammar.ToyLexer;
import toy.grammar.ToyParser;
import toy.interpreter.bytecode.Code;
import toy.interpreter.bytecode.Comparison;
import toy.interpreter.compiler.CodeBuilder.Label;
import toy.runtime.ErrorKinds;
import toy.runtime.ToyList;

/**
 * The second compiler pass: emits bytecode for one function at a time, using the
 * {@link Resolver}'s bindings. Expressions leave their value on the operand stack; statements
 * leave the stack as they found it.
 *
 * <p>Speed comes from a few fused instructions, used only on plain (uncaptured) locals, which
 * no other thread can see: a comparison feeding a branch becomes one JUMP_IF*, {@code x += 1}
 * becomes ADD_LOCAL_INT, and a {@code while} loop tests its condition at the bottom so that one
 * iteration of {@code while n > 0 { n -= 1 }} is two instructions. Globals, list elements and
 * map entries are always read and written back by separate instructions, so a thread switch
 * can fall between them, as in CPython.
 */
final class CodeGenerator extends ToyBaseVisitor<Void> {
    private final String file;
    private final SourceFile source;
    private final Resolver resolver;
    private final FormattedStrings formattedStrings;
    private final List<CompileError> errors;
    private final NameComparisons nameComparisons;
    private FunctionInfo function;
    private CodeBuilder code;
    /** Loops and {@code with} blocks around the current statement, innermost first. */
    private Deque<Construct> constructs = new ArrayDeque<>();
    /** For the REPL: the global slot of the function that shows a top-level expression statement's value; -1 otherwise. */
    private int displayHook = -1;
    private FunctionInfo program;

    /**
     * What a {@code break}, {@code continue} or {@code return} has to unwind. For a {@code with}
     * block, {@code exits} collects the [start, end) offsets of the jumps out of it after its
     * early WITH_EXIT, where its resource is no longer held, so its handler leaves them out.
     */
    private record Construct(boolean isWith, boolean isFor, Label breakTo, Label continueTo, List<int[]> exits) {
        Construct(boolean isWith, boolean isFor, Label breakTo, Label continueTo) {
            this(isWith, isFor, breakTo, continueTo, new ArrayList<>());
        }
    }

    CodeGenerator(SourceFile source, Resolver resolver, FormattedStrings formattedStrings, List<CompileError> errors) {
        this.file = source.name();
        this.source = source;
        this.resolver = resolver;
        this.formattedStrings = formattedStrings;
        this.errors = errors;
        this.nameComparisons = new NameComparisons(resolver, errors);
    }

    /** The REPL's compilation: a top-level expression statement passes its value to the global in {@code slot}. */
    CodeGenerator displayingValues(int slot) {
        displayHook = slot;
        return this;
    }

    Code compileProgram(ToyParser.ProgramContext program) {
        function = resolver.function(program);
        this.program = function;
        code = new CodeBuilder();
        for (ToyParser.StatementContext statement : program.statement()) {
            visit(statement);
        }
        code.emit(NIL);
        code.emit(RETURN);
        return finish("<main>", 1);
    }

    private Code finish(String name, int firstLine) {
        int[] cellParameters = function.parameters.stream().filter(v -> v.captured).mapToInt(v -> v.slot).toArray();
        int[] freeSources = new int[function.freeVariables.size()];
        String[] freeNames = new String[freeSources.length];
        for (int i = 0; i < freeSources.length; i++) {
            Variable v = function.freeVariables.get(i);
            freeSources[i] = v.owner == function.enclosing ? v.slot : -1 - function.enclosing.freeIndex(v);
            freeNames[i] = v.name;
        }
        return code.build(name, file, firstLine, function.parameters.size(),
                function.localNames.toArray(new String[0]), cellParameters, freeSources, freeNames, source.lines());
    }

    // ------------------------------------------------------------------ statements

    @Override
    public Void visitBlock(ToyParser.BlockContext ctx) {
        for (Variable v : resolver.boundAtEntry(ctx)) {
            code.emit(EMPTY_CELL, v.slot);
        }
        for (ToyParser.StatementContext statement : ctx.statement()) {
            visit(statement);
        }
        return null;
    }

    /** An expression statement, or an assignment when it has an operator (Parsing rejects several targets without). */
    @Override
    public Void visitExpressionStatement(ToyParser.ExpressionStatementContext ctx) {
        if (ctx.op != null) {
            return assignment(ctx);
        }
        line(ctx);
        // As CPython's 'single' mode: the REPL shows the value of each expression statement of
        // the code typed, in loops too, but not inside the functions it defines.
        boolean display = displayHook >= 0 && function == program;
        if (display) {
            code.emit(LOAD_GLOBAL, displayHook);
        }
        // One expression: Parsing reports several without an operator (`a, b`) as a syntax
        // error, and no code is generated after one.
        visit(ctx.targets.get(0));
        if (display) {
            code.emit(CALL, 1);
        }
        code.emit(POP);
        return null;
    }

    @Override
    public Void visitLetStatement(ToyParser.LetStatementContext ctx) {
        line(ctx);
        if (ctx.values.isEmpty()) {
            for (Token name : ctx.names) {
                code.emit(NIL);
                storeNew(resolver.variable(name));
            }
            return null;
        }
        values(ctx, ctx.values, ctx.names.size());
        for (Token name : ctx.names) {
            storeNew(resolver.variable(name));
        }
        return null;
    }

    /**
     * Pushes the values of an assignment for {@code targets} targets, the first on top, for the
     * first target (stored first, as in Python: another thread can tell the order). The values
     * are computed left to right, as in Python. One value is unpacked when there are several
     * targets; several values make a list, unpacked or not, except two or three values for as
     * many targets ({@code a, b = b, a}), which are swapped into place with no list (CPython's
     * SWAP).
     */
    private void values(ParserRuleContext statement, List<ToyParser.ExpressionContext> values, int targets) {
        for (ToyParser.ExpressionContext value : values) {
            visit(value);
        }
        if (values.size() == targets && (targets == 2 || targets == 3)) {
            code.emit(SWAP, targets);
            return;
        }
        line(statement);
        if (values.size() > 1) {
            code.emit(BUILD_LIST, values.size());
        }
        if (targets > 1) {
            code.emit(UNPACK, targets);
        }
    }

    @Override
    public Void visitFunctionDeclaration(ToyParser.FunctionDeclarationContext ctx) {
        line(ctx);
        Variable v = resolver.variable(ctx.name);
        if (v.boundAtEntry) {
            // Its cell was made when the block started, for a function above that calls it.
            makeFunction(ctx, ctx.name.getText(), ctx.parameters(), ctx.body);
            code.emit(STORE_CELL, v.slot);
        } else if (v.captured) {
            // The function may call itself: its cell must exist before the closure captures it.
            code.emit(NIL);
            code.emit(NEW_CELL, v.slot);
            makeFunction(ctx, ctx.name.getText(), ctx.parameters(), ctx.body);
            code.emit(STORE_CELL, v.slot);
        } else {
            makeFunction(ctx, ctx.name.getText(), ctx.parameters(), ctx.body);
            storeNew(v);
        }
        return null;
    }

    @Override
    public Void visitIfStatement(ToyParser.IfStatementContext ctx) {
        line(ctx);
        Label end = new Label();
        for (int i = 0; i < ctx.conditions.size(); i++) {
            Label next = new Label();
            line(ctx.conditions.get(i));
            branch(ctx.conditions.get(i), false, next);
            visit(ctx.blocks.get(i));
            boolean last = i == ctx.conditions.size() - 1 && ctx.elseBlock == null;
            if (!last) {
                code.emitJump(JUMP, end);
            }
            code.bind(next);
        }
        if (ctx.elseBlock != null) {
            visit(ctx.elseBlock);
        }
        code.bind(end);
        return null;
    }

    @Override
    public Void visitWhileStatement(ToyParser.WhileStatementContext ctx) {
        line(ctx);
        Label body = new Label();
        Label test = new Label();
        Label end = new Label();
        code.emitJump(JUMP, test);
        code.bind(body);
        loopBody(ctx.body, new Construct(false, false, end, test));
        code.bind(test);
        line(ctx.condition);
        branch(ctx.condition, true, body);
        code.bind(end);
        return null;
    }

    @Override
    public Void visitForStatement(ToyParser.ForStatementContext ctx) {
        line(ctx);
        visit(ctx.iterable);
        code.emit(GET_ITER);
        Label next = new Label();
        Label end = new Label();
        code.bind(next);
        code.emitJump(FOR_ITER, end);
        line(ctx);
        storeVariables(ctx.variables);
        loopBody(ctx.body, new Construct(false, true, end, next));
        line(ctx);
        code.emitJump(JUMP, next);
        code.bind(end);
        return null;
    }

    /** Binds a loop's variables to the item on the stack, unpacking it when there are several. */
    private void storeVariables(List<Token> variables) {
        if (variables.size() > 1) {
            code.emit(UNPACK, variables.size());
        }
        for (Token variable : variables) {
            storeNew(resolver.variable(variable));
        }
    }

    private void loopBody(ToyParser.BlockContext body, Construct loop) {
        constructs.push(loop);
        visit(body);
        constructs.pop();
    }

    @Override
    public Void visitBreakStatement(ToyParser.BreakStatementContext ctx) {
        jumpOutOfLoop(ctx, true);
        return null;
    }

    @Override
    public Void visitContinueStatement(ToyParser.ContinueStatementContext ctx) {
        jumpOutOfLoop(ctx, false);
        return null;
    }

    private void jumpOutOfLoop(ParserRuleContext ctx, boolean isBreak) {
        line(ctx);
        List<int[]> exits = new ArrayList<>();
        for (Construct c : constructs) {
            if (c.isWith) {
                code.emit(WITH_EXIT);
                exits.add(exitFrom(c));
                continue;
            }
            if (isBreak && c.isFor) {
                code.emit(POP);
            }
            code.emitJump(JUMP, isBreak ? c.breakTo : c.continueTo);
            exits.forEach(exit -> exit[1] = code.offset());
            return;
        }
        error(ctx.getStart(), "'" + ctx.getText() + "' outside loop");
    }

    @Override
    public Void visitReturnStatement(ToyParser.ReturnStatementContext ctx) {
        line(ctx);
        if (function.enclosing == null) {
            error(ctx.getStart(), "'return' outside function");
        }
        if (ctx.value != null) {
            visit(ctx.value);
        } else {
            code.emit(NIL);
        }
        boolean insideWith = constructs.stream().anyMatch(Construct::isWith);
        if (insideWith) {
            // Release every enclosing resource after the value is computed, before returning it.
            Variable result = function.newLocal("<return value>");
            code.emit(STORE_LOCAL, result.slot);
            List<int[]> exits = new ArrayList<>();
            for (Construct c : constructs) {
                if (c.isWith) {
                    code.emit(WITH_EXIT);
                    exits.add(exitFrom(c));
                } else if (c.isFor) {
                    code.emit(POP);
                }
            }
            code.emit(LOAD_LOCAL, result.slot);
            code.emit(RETURN);
            exits.forEach(exit -> exit[1] = code.offset());
        } else {
            code.emit(RETURN);
        }
        return null;
    }

    @Override
    public Void visitWithStatement(ToyParser.WithStatementContext ctx) {
        line(ctx);
        visit(ctx.resource);
        code.emit(WITH_ENTER);
        int start = code.offset();
        Construct with = new Construct(true, false, null, null);
        constructs.push(with);
        visit(ctx.body);
        constructs.pop();
        line(ctx);
        code.emit(WITH_EXIT);
        int end = code.offset();
        Label after = new Label();
        code.emitJump(JUMP, after);
        // The handler covers every offset where the resource is held: from the body's first
        // instruction to each WITH_EXIT, that included (Ctrl-C at the checkpoint before an
        // instruction fails as that instruction, which has not run), but not the jumps out after
        // an early WITH_EXIT. A WITH_EXIT that fails (a Lock no longer held) fails again the
        // same way in WITH_ABORT, and changes nothing.
        int from = start;
        for (int[] exit : with.exits) {
            code.addHandler(from, exit[0], code.offset(), false, start);
            from = exit[1];
        }
        code.addHandler(from, end, code.offset(), false, start);
        code.emit(WITH_ABORT);
        code.bind(after);
        return null;
    }

    /** Marks the jump out of {@code with} that starts here, after its WITH_EXIT; its end is set when the jump is emitted. */
    private int[] exitFrom(Construct with) {
        int[] exit = {code.offset(), -1};
        with.exits.add(exit);
        return exit;
    }

    @Override
    public Void visitTryStatement(ToyParser.TryStatementContext ctx) {
        line(ctx);
        int start = code.offset();
        visit(ctx.body);
        int end = code.offset();
        Label after = new Label();
        code.emitJump(JUMP, after);
        code.addHandler(start, end, code.offset(), true, start);
        String name = ctx.variable.getText();
        if (ErrorKinds.KINDS.contains(name)) {
            // Python's `except ValueError:` filters by kind; Toy's catch binds any error to the name.
            error(ctx.variable, "catch takes a name for the error, not an error kind: 'catch " + name
                    + "' would catch every error; write 'catch e' and test e.kind");
        }
        line(ctx.handler);
        storeNew(resolver.variable(ctx.variable));
        visit(ctx.handler);
        code.bind(after);
        return null;
    }

    @Override
    public Void visitRaiseStatement(ToyParser.RaiseStatementContext ctx) {
        line(ctx);
        visit(ctx.value);
        line(ctx);
        code.emit(RAISE);
        return null;
    }

    private Void assignment(ToyParser.ExpressionStatementContext ctx) {
        line(ctx);
        String op = ctx.op.getText();
        if (ctx.targets.size() > 1 || ctx.values.size() > 1 && !op.equals("=")) {
            if (!op.equals("=")) {
                error(ctx.op.getStart(), "an augmented assignment takes one target and one value");
                return null;
            }
            values(ctx, ctx.values, ctx.targets.size());
            line(ctx);
            for (ToyParser.ExpressionContext target : ctx.targets) {
                storeTo(target);
            }
            return null;
        }
        ToyParser.ExpressionContext value = ctx.values.get(0);
        if (ctx.values.size() > 1) {
            values(ctx, ctx.values, 1);
        }
        ToyParser.ExpressionContext targetExpression = ctx.targets.get(0);
        ToyParser.PostfixContext target = Shapes.postfix(targetExpression);
        if (target == null) {
            error(targetExpression.getStart(), "cannot assign to this expression");
            return null;
        }
        List<ToyParser.TrailerContext> trailers = target.trailer();
        boolean computed = ctx.values.size() > 1;
        if (trailers.isEmpty() && target.primary() instanceof ToyParser.NameReferenceContext name) {
            if (computed) {
                store(resolver.variable(name.NAME().getSymbol()));
            } else {
                assignName(ctx, name.NAME().getSymbol(), op, value);
            }
        } else if (Shapes.lastIndex(trailers) != null) {
            if (computed) {
                storeTo(targetExpression);
                return null;
            }
            postfix(target.primary(), trailers.subList(0, trailers.size() - 1));
            visit(Shapes.lastIndex(trailers));
            if (op.equals("=")) {
                visit(value);
            } else {
                // Reading the element fails at the target (a KeyError's carets under d["k"]), as CPython shows it.
                line(targetExpression);
                code.emit(DUP2);
                code.emit(INDEX);
                visit(value);
                line(ctx);
                code.emit(augmented(op));
            }
            line(ctx);
            code.emit(STORE_INDEX);
        } else {
            error(targetExpression.getStart(), "cannot assign to this expression");
        }
        return null;
    }

    /** Stores the value on top of the stack into a name or an element ({@code a, xs[i] = …}). */
    private void storeTo(ToyParser.ExpressionContext targetExpression) {
        ToyParser.PostfixContext target = Shapes.postfix(targetExpression);
        List<ToyParser.TrailerContext> trailers = target == null ? List.of() : target.trailer();
        if (target != null && trailers.isEmpty() && target.primary() instanceof ToyParser.NameReferenceContext name) {
            store(resolver.variable(name.NAME().getSymbol()));
        } else if (Shapes.lastIndex(trailers) != null) {
            // The value was computed first, as in Python; it waits in a temporary while the element is found.
            Variable value = function.newLocal("<value>");
            code.emit(STORE_LOCAL, value.slot);
            postfix(target.primary(), trailers.subList(0, trailers.size() - 1));
            visit(Shapes.lastIndex(trailers));
            code.emit(LOAD_LOCAL, value.slot);
            code.emit(STORE_INDEX);
        } else {
            error(targetExpression.getStart(), "cannot assign to this expression");
            code.emit(POP);
        }
    }

    /** The instruction of an augmented assignment: {@code +=} extends a list in place, {@code *=} repeats one, the others are plain arithmetic. */
    private static int augmented(String op) {
        return switch (op) {
            case "+=" -> INPLACE_ADD;
            case "*=" -> INPLACE_MUL;
            default -> arithmetic(op.substring(0, op.length() - 1));
        };
    }

    private void assignName(ParserRuleContext statement, Token name, String op, ToyParser.ExpressionContext value) {
        Variable v = resolver.variable(name);
        if (op.equals("=")) {
            visit(value);
            line(statement);
            store(v);
            return;
        }
        Long increment = Shapes.smallInt(value);
        if (isPlainLocal(v) && increment != null && (op.equals("+=") || op.equals("-="))) {
            code.emit(ADD_LOCAL_INT, v.slot, (int) (op.equals("+=") ? increment : -increment));
            return;
        }
        // Reading the name fails at the name (a NameError's carets under count in count += 1), as CPython shows it.
        line(name);
        load(v);
        visit(value);
        line(statement);
        code.emit(augmented(op));
        store(v);
    }

    // ------------------------------------------------------------------ branches

    /**
     * Emits a jump to target taken when the condition's truth equals {@code when}; falls
     * through otherwise. {@code not}, {@code and}, {@code or} and comparisons become jumps
     * instead of values.
     */
    private void branch(ToyParser.ExpressionContext condition, boolean when, Label target) {
        if (condition.condition != null) {
            visit(condition);
            code.emitJump(when ? JUMP_IF_TRUE : JUMP_IF_FALSE, target);
            return;
        }
        branch(condition.operand, when, target);
    }

    private void branch(ToyParser.OrExpressionContext or, boolean when, Label target) {
        if (or.operands.size() > 1) {
            Label skip = new Label();
            for (int i = 0; i < or.operands.size(); i++) {
                boolean last = i == or.operands.size() - 1;
                // Any true operand decides `or`; only the last one can decide it false.
                if (when || last) {
                    branch(or.operands.get(i), when, target);
                } else {
                    branch(or.operands.get(i), true, skip);
                }
            }
            code.bind(skip);
            return;
        }
        branch(or.operands.get(0), when, target);
    }

    private void branch(ToyParser.AndExpressionContext and, boolean when, Label target) {
        if (and.operands.size() > 1) {
            Label skip = new Label();
            for (int i = 0; i < and.operands.size(); i++) {
                boolean last = i == and.operands.size() - 1;
                // Any false operand decides `and`; only the last one can decide it true.
                if (!when || last) {
                    branch(and.operands.get(i), when, target);
                } else {
                    branch(and.operands.get(i), false, skip);
                }
            }
            code.bind(skip);
            return;
        }
        branch(and.operands.get(0), when, target);
    }

    private void branch(ToyParser.NotExpressionContext not, boolean when, Label target) {
        if (not instanceof ToyParser.NotOperationContext negation) {
            branch(negation.operand, !when, target);
            return;
        }
        ToyParser.ComparisonContext comparison = ((ToyParser.NotOperandContext) not).comparison();
        String symbol = comparison.operators.size() == 1 ? comparison.operators.get(0).getText() : "";
        if (comparison.operators.size() != 1 || symbol.equals("in") || symbol.startsWith("not")) {
            visit(not);
            code.emitJump(when ? JUMP_IF_TRUE : JUMP_IF_FALSE, target);
            return;
        }
        nameComparisons.check(comparison);
        int test = Comparison.of(symbol) | (when ? 0 : Comparison.WHEN_FALSE);
        ToyParser.AdditiveContext left = comparison.operands.get(0);
        ToyParser.AdditiveContext right = comparison.operands.get(1);
        Variable a = plainLocal(left);
        Variable b = plainLocal(right);
        Long constant = Shapes.smallInt(right);
        line(comparison);
        if (a != null && constant != null) {
            code.emitJump(JUMP_IF_LOCAL_INT, target, a.slot, constant.intValue(), test);
        } else if (a != null && b != null) {
            code.emitJump(JUMP_IF_LOCALS, target, a.slot, b.slot, test);
        } else {
            visit(left);
            visit(right);
            line(comparison);
            code.emitJump(JUMP_IF, target, test);
        }
    }

    /** The variable an operand names if it is a plain local of this function, else null. */
    private Variable plainLocal(ToyParser.AdditiveContext operand) {
        Token name = Shapes.name(operand);
        if (name == null) {
            return null;
        }
        Variable v = resolver.variable(name);
        return isPlainLocal(v) ? v : null;
    }

    private boolean isPlainLocal(Variable v) {
        return v.owner == function && !v.captured;
    }

    // ------------------------------------------------------------------ expressions

    /** {@code a if c else b}: only the chosen operand is evaluated. */
    @Override
    public Void visitExpression(ToyParser.ExpressionContext ctx) {
        if (ctx.condition == null) {
            visit(ctx.operand);
            return null;
        }
        Label otherwise = new Label();
        Label end = new Label();
        branch(ctx.condition, false, otherwise);
        visit(ctx.operand);
        code.emitJump(JUMP, end);
        code.bind(otherwise);
        visit(ctx.alternative);
        code.bind(end);
        return null;
    }

    @Override
    public Void visitListDisplay(ToyParser.ListDisplayContext ctx) {
        if (ctx.comprehensionFor().isEmpty()) {
            for (ToyParser.ExpressionContext element : ctx.elements) {
                visit(element);
            }
            code.emit(BUILD_LIST, ctx.elements.size());
            return null;
        }
        line(ctx);
        code.emit(BUILD_LIST, 0);
        comprehension(ctx.comprehensionFor(), 0, () -> {
            visit(ctx.elements.get(0));
            code.emit(LIST_APPEND, ctx.comprehensionFor().size());
        });
        return null;
    }

    @Override
    public Void visitMapDisplay(ToyParser.MapDisplayContext ctx) {
        if (ctx.comprehensionFor().isEmpty()) {
            for (ToyParser.MapEntryContext entry : ctx.entries) {
                visit(entry.key);
                visit(entry.value);
            }
            line(ctx);
            code.emit(BUILD_MAP, ctx.entries.size());
            return null;
        }
        ToyParser.MapEntryContext entry = ctx.entries.get(0);
        line(ctx);
        code.emit(BUILD_MAP, 0);
        comprehension(ctx.comprehensionFor(), 0, () -> {
            visit(entry.key);
            visit(entry.value);
            line(ctx);
            code.emit(MAP_PUT, ctx.comprehensionFor().size());
        });
        return null;
    }

    /**
     * The loops of a comprehension, inline in the current function, with the result (a list or
     * map) under their iterators: clause {@code i} loops over its iterable, binds its variables
     * (a new binding per iteration, so closures capture each value), skips items failing its
     * conditions, and runs the next clause, or, after the last, the element.
     */
    private void comprehension(List<ToyParser.ComprehensionForContext> clauses, int i, Runnable element) {
        if (i == clauses.size()) {
            element.run();
            return;
        }
        ToyParser.ComprehensionForContext clause = clauses.get(i);
        visit(clause.iterable);
        line(clause);
        code.emit(GET_ITER);
        Label next = new Label();
        Label end = new Label();
        code.bind(next);
        code.emitJump(FOR_ITER, end);
        storeVariables(clause.variables);
        for (ToyParser.OrExpressionContext condition : clause.conditions) {
            branch(condition, false, next);
        }
        comprehension(clauses, i + 1, element);
        code.emitJump(JUMP, next);
        code.bind(end);
    }

    @Override
    public Void visitFormattedString(ToyParser.FormattedStringContext ctx) {
        line(ctx);
        formatted(formattedStrings.parts(ctx.FSTRING().getSymbol()));
        return null;
    }

    /** Pushes the str an f-string's parts make. */
    private void formatted(List<FormattedStrings.Part> parts) {
        for (FormattedStrings.Part part : parts) {
            if (part.expression() == null) {
                code.emit(CONST, code.constant(part.literal()));
                continue;
            }
            visit(part.expression());
            line(part.expression());
            if (part.conversion() == 'r') {
                code.emit(REPR);
            } else if (part.conversion() == 's') {
                code.emit(FORMAT, code.constant(""));
            }
            if (part.specParts() != null) {
                formatted(part.specParts());
                code.emit(FORMAT_WITH_SPEC);
            } else if (part.conversion() == 0 || !part.spec().isEmpty()) {
                code.emit(FORMAT, code.constant(part.spec()));
            }
        }
        if (parts.size() != 1 || parts.get(0).expression() != null) {
            code.emit(BUILD_STRING, parts.size());
        }
    }

    @Override
    public Void visitOrExpression(ToyParser.OrExpressionContext ctx) {
        line(ctx);
        shortCircuit(ctx.operands, JUMP_IF_TRUE_OR_POP);
        return null;
    }

    @Override
    public Void visitAndExpression(ToyParser.AndExpressionContext ctx) {
        shortCircuit(ctx.operands, JUMP_IF_FALSE_OR_POP);
        return null;
    }

    private void shortCircuit(List<? extends ParserRuleContext> operands, int jump) {
        Label end = new Label();
        for (int i = 0; i < operands.size(); i++) {
            visit(operands.get(i));
            if (i < operands.size() - 1) {
                code.emitJump(jump, end);
            }
        }
        code.bind(end);
    }

    @Override
    public Void visitNotOperation(ToyParser.NotOperationContext ctx) {
        visit(ctx.operand);
        code.emit(NOT);
        return null;
    }

    @Override
    public Void visitComparison(ToyParser.ComparisonContext ctx) {
        visit(ctx.operands.get(0));
        if (ctx.operators.isEmpty()) {
            return null;
        }
        if (ctx.operators.size() > 1) {
            error(ctx.operators.get(1).getStart(), "comparisons cannot be chained; combine them with 'and'");
        }
        visit(ctx.operands.get(1));
        line(ctx);
        String symbol = ctx.operators.get(0).getText();
        nameComparisons.check(ctx);
        switch (symbol) {
            case "in" -> code.emit(IN);
            case "notin" -> code.emit(NOT_IN);
            default -> code.emit(COMPARE, Comparison.of(symbol));
        }
        return null;
    }

    @Override
    public Void visitAdditive(ToyParser.AdditiveContext ctx) {
        binary(ctx.operands, ctx.operators);
        return null;
    }

    @Override
    public Void visitMultiplicative(ToyParser.MultiplicativeContext ctx) {
        binary(ctx.operands, ctx.operators);
        return null;
    }

    private void binary(List<? extends ParserRuleContext> operands, List<Token> operators) {
        visit(operands.get(0));
        for (int i = 1; i < operands.size(); i++) {
            visit(operands.get(i));
            span(operands.get(0).getStart(), operands.get(i).getStop());
            code.emit(arithmetic(operators.get(i - 1).getText()));
        }
    }

    private static int arithmetic(String symbol) {
        return switch (symbol) {
            case "+" -> ADD;
            case "-" -> SUB;
            case "*" -> MUL;
            case "/" -> DIV;
            case "//" -> FLOOR_DIV;
            case "%" -> MOD;
            default -> throw new IllegalArgumentException(symbol);
        };
    }

    @Override
    public Void visitNegation(ToyParser.NegationContext ctx) {
        Token literal = Shapes.numberLiteral(ctx.operand);
        if (literal != null && literal.getType() == ToyLexer.INT) {
            Long value = Literals.integer(literal, true, errors);
            pushInt(value == null ? 0 : value);
        } else if (literal != null) {
            code.emit(CONST, code.constant(-Literals.floating(literal)));
        } else {
            visit(ctx.operand);
            line(ctx);
            code.emit(NEG);
        }
        return null;
    }

    @Override
    public Void visitPower(ToyParser.PowerContext ctx) {
        visit(ctx.base);
        if (ctx.exponent != null) {
            visit(ctx.exponent);
            line(ctx);
            code.emit(POW);
        }
        return null;
    }

    @Override
    public Void visitPostfix(ToyParser.PostfixContext ctx) {
        if (ctx.spawn != null) {
            spawn(ctx);
        } else {
            postfix(ctx.primary(), ctx.trailer());
        }
        return null;
    }

    /** A primary followed by trailers. */
    private void postfix(ToyParser.PrimaryContext primary, List<ToyParser.TrailerContext> trailers) {
        visit(primary);
        trailers(primary.getStart(), trailers);
    }

    /** Trailers applied to the value on the stack; an attribute directly followed by a call is a method call. */
    private void trailers(Token start, List<ToyParser.TrailerContext> trailers) {
        for (int i = 0; i < trailers.size(); i++) {
            ToyParser.TrailerContext trailer = trailers.get(i);
            ToyParser.TrailerContext next = i + 1 < trailers.size() ? trailers.get(i + 1) : null;
            if (trailer instanceof ToyParser.AttributeTrailerContext attribute
                    && next instanceof ToyParser.CallTrailerContext call) {
                List<String> keywords = new ArrayList<>();
                int count = arguments(call.arguments(), keywords);
                span(start, call.getStop());
                int name = code.name(attribute.NAME().getText());
                if (keywords.isEmpty()) {
                    code.emit(CALL_METHOD, name, count);
                } else {
                    code.emit(CALL_METHOD_KW, name, count, code.constant(ToyList.of(keywords.toArray())));
                }
                i++;
            } else {
                trailerStart = start;
                visit(trailer);
            }
        }
    }

    /** The first token of the postfix chain the trailer being visited belongs to, for its span. */
    private Token trailerStart;

    @Override
    public Void visitCallTrailer(ToyParser.CallTrailerContext ctx) {
        List<String> keywords = new ArrayList<>();
        Token start = trailerStart;
        int count = arguments(ctx.arguments(), keywords);
        span(start, ctx.getStop());
        if (keywords.isEmpty()) {
            code.emit(CALL, count);
        } else {
            code.emit(CALL_KW, count, code.constant(ToyList.of(keywords.toArray())));
        }
        return null;
    }

    /** Pushes a call's arguments, positional then keyword; adds the keywords' names to {@code keywords}. */
    private int arguments(ToyParser.ArgumentsContext arguments, List<String> keywords) {
        if (arguments == null) {
            return 0;
        }
        for (ToyParser.ArgumentContext argument : arguments.argument()) {
            if (argument.name != null) {
                String name = argument.name.getText();
                if (keywords.contains(name)) {
                    error(argument.name, "keyword argument repeated: " + name);
                }
                keywords.add(name);
            } else if (keywords.size() > 0) {
                error(argument.getStart(), "positional argument follows keyword argument");
            }
            visit(argument.value);
        }
        return arguments.argument().size();
    }

    @Override
    public Void visitSubscriptTrailer(ToyParser.SubscriptTrailerContext ctx) {
        Token start = trailerStart;
        if (ctx.slice == null) {
            visit(ctx.lower);
            span(start, ctx.getStop());
            code.emit(INDEX);
            return null;
        }
        ToyParser.ExpressionContext[] parts = ctx.step == null
                ? new ToyParser.ExpressionContext[] {ctx.lower, ctx.upper}
                : new ToyParser.ExpressionContext[] {ctx.lower, ctx.upper, ctx.step};
        for (ToyParser.ExpressionContext part : parts) {
            if (part == null) {
                code.emit(NIL);
            } else {
                visit(part);
            }
        }
        span(start, ctx.getStop());
        code.emit(parts.length == 2 ? SLICE : SLICE_STEP);
        return null;
    }

    @Override
    public Void visitAttributeTrailer(ToyParser.AttributeTrailerContext ctx) {
        span(trailerStart, ctx.getStop());
        code.emit(GET_ATTR, code.name(ctx.NAME().getText()));
        return null;
    }

    @Override
    public Void visitIntLiteral(ToyParser.IntLiteralContext ctx) {
        Long value = Literals.integer(ctx.INT().getSymbol(), false, errors);
        pushInt(value == null ? 0 : value);
        return null;
    }

    private void pushInt(long value) {
        if (value == (int) value) {
            code.emit(INT, (int) value);
        } else {
            code.emit(CONST, code.constant(value));
        }
    }

    @Override
    public Void visitFloatLiteral(ToyParser.FloatLiteralContext ctx) {
        code.emit(CONST, code.constant(Literals.floating(ctx.FLOAT().getSymbol())));
        return null;
    }

    @Override
    public Void visitStringLiteral(ToyParser.StringLiteralContext ctx) {
        code.emit(CONST, code.constant(Literals.string(ctx.STRING().getSymbol(), errors)));
        return null;
    }

    @Override
    public Void visitTrueLiteral(ToyParser.TrueLiteralContext ctx) {
        code.emit(TRUE);
        return null;
    }

    @Override
    public Void visitFalseLiteral(ToyParser.FalseLiteralContext ctx) {
        code.emit(FALSE);
        return null;
    }

    @Override
    public Void visitNilLiteral(ToyParser.NilLiteralContext ctx) {
        code.emit(NIL);
        return null;
    }

    @Override
    public Void visitNameReference(ToyParser.NameReferenceContext ctx) {
        line(ctx);
        load(resolver.variable(ctx.NAME().getSymbol()));
        return null;
    }

    @Override
    public Void visitParenthesized(ToyParser.ParenthesizedContext ctx) {
        visit(ctx.expression());
        return null;
    }

    @Override
    public Void visitFunctionExpression(ToyParser.FunctionExpressionContext ctx) {
        makeFunction(ctx, "<fn>", ctx.parameters(), ctx.body);
        return null;
    }

    /**
     * {@code spawn} applies to its operand up to the first call: {@code spawn work(1).join()}
     * starts {@code work(1)} in a thread and joins that thread.
     */
    private void spawn(ToyParser.PostfixContext ctx) {
        List<ToyParser.TrailerContext> trailers = ctx.call.trailer();
        int call = 0;
        while (call < trailers.size() && !(trailers.get(call) instanceof ToyParser.CallTrailerContext)) {
            call++;
        }
        if (call == trailers.size()) {
            error(ctx.call.getStart(), "'spawn' needs a call, as in: spawn worker(1)");
            return;
        }
        postfix(ctx.call.primary(), trailers.subList(0, call));
        List<String> keywords = new ArrayList<>();
        int count = arguments(((ToyParser.CallTrailerContext) trailers.get(call)).arguments(), keywords);
        if (keywords.size() > 0) {
            error(ctx.call.getStart(), "'spawn' passes positional arguments only: spawn worker(1, 2)");
        }
        line(ctx);
        code.emit(SPAWN, count);
        trailers(ctx.call.getStart(), trailers.subList(call + 1, trailers.size()));
    }

    private void makeFunction(ParserRuleContext node, String name, ToyParser.ParametersContext parameters,
                              ToyParser.BlockContext body) {
        FunctionInfo outerFunction = function;
        CodeBuilder outerCode = code;
        Deque<Construct> outerConstructs = constructs;
        function = resolver.function(node);
        code = new CodeBuilder();
        constructs = new ArrayDeque<>();
        line(body);
        visit(body);
        code.emit(NIL);
        code.emit(RETURN);
        Code compiled = finish(name, node.getStart().getLine());
        function = outerFunction;
        code = outerCode;
        constructs = outerConstructs;
        int defaults = 0;
        if (parameters != null) {
            for (ToyParser.ParameterContext parameter : parameters.parameter()) {
                if (parameter.defaultValue != null) {
                    visit(parameter.defaultValue);
                    defaults++;
                }
            }
        }
        line(node);
        if (defaults == 0) {
            code.emit(MAKE_FUNCTION, code.constant(compiled));
        } else {
            code.emit(MAKE_FUNCTION_DEFS, code.constant(compiled), defaults);
        }
    }

    // ------------------------------------------------------------------ variables

    private void load(Variable v) {
        if (v.isGlobal()) {
            nearLocal(v);
            code.emit(LOAD_GLOBAL, v.slot);
        } else if (v.owner != function) {
            code.emit(LOAD_FREE, function.freeIndex(v));
        } else {
            code.emit(v.captured ? LOAD_CELL : LOAD_LOCAL, v.slot);
        }
    }

    private void store(Variable v) {
        if (v.isGlobal()) {
            nearLocal(v);
            code.emit(STORE_GLOBAL, v.slot);
        } else if (v.owner != function) {
            code.emit(STORE_FREE, function.freeIndex(v));
        } else {
            code.emit(v.captured ? STORE_CELL : STORE_LOCAL, v.slot);
        }
    }

    private void nearLocal(Variable global) {
        if (global.nearLocal != null) {
            code.nearLocal(global.nearLocal);
        }
    }

    /** Binds a declared variable ({@code let}, parameter, loop or catch variable): a new binding each time. */
    private void storeNew(Variable v) {
        if (v.isGlobal()) {
            code.emit(DEFINE_GLOBAL, v.slot);
        } else if (v.boundAtEntry) {
            code.emit(STORE_CELL, v.slot);
        } else {
            code.emit(v.captured ? NEW_CELL : STORE_LOCAL, v.slot);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The instructions emitted next run the part of the source from ctx's first token to its last. */
    private void line(ParserRuleContext ctx) {
        span(ctx.getStart(), ctx.getStop());
    }

    private void line(Token token) {
        span(token, token);
    }

    /** The instructions emitted next run the source from the first token to the last (columns only when on one line). */
    private void span(Token first, Token last) {
        int line = first.getLine();
        String text = last == null ? null : last.getText();
        if (last == null || last.getLine() != line || text == null || text.indexOf('\n') >= 0 || last.getType() == Token.EOF) {
            code.setLine(line);
            return;
        }
        int end = last.getCharPositionInLine() + text.codePointCount(0, text.length()) + 1;
        code.setPosition(line, first.getCharPositionInLine() + 1, end);
    }

    private void error(Token at, String message) {
        errors.add(new CompileError(at.getLine(), at.getCharPositionInLine() + 1, message));
    }
}
