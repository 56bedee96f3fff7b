package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.antlr.v4.runtime.ParserRuleContext;
import toy.grammar.ToyParser;

/**
 * One block's names for the {@link Resolver}: those declared so far, in order, and those its
 * statements declare further down, which a function made above them may use when no local of
 * that name is in scope there (it runs later, as in Python). Such a variable is made at the
 * first use from a nested function, {@link Variable#boundAtEntry}: its cell is made when the
 * block starts, and its {@code let} or {@code fn} assigns it.
 */
final class Scope {
    /** The function whose frame holds the block's locals. */
    final FunctionInfo owner;
    /** Declared so far, in order. */
    final Map<String, Variable> declared = new LinkedHashMap<>();
    /** The names the block's own statements declare ({@code let}, {@code fn}). */
    private final Set<String> declaredBelow;
    /** Variables used from a nested function before their declaration, not yet declared. */
    private final Map<String, Variable> usedAbove = new LinkedHashMap<>();
    /** Every variable of this block bound when it starts, in order. */
    final List<Variable> boundAtEntry = new ArrayList<>();

    /**
     * A block's scope; block null for one with nothing declared further down: the variables of
     * a for, a catch or a comprehension, declared at its start, and the top level's, which are
     * globals that a function finds by name whenever it runs.
     */
    Scope(FunctionInfo owner, ToyParser.BlockContext block) {
        this.owner = owner;
        this.declaredBelow = block == null ? Set.of() : namesDeclaredIn(block.statement());
    }

    private static Set<String> namesDeclaredIn(List<ToyParser.StatementContext> statements) {
        Set<String> names = new HashSet<>();
        for (ParserRuleContext statement : statements) {
            if (statement instanceof ToyParser.LetStatementContext let) {
                let.names.forEach(name -> names.add(name.getText()));
            } else if (statement instanceof ToyParser.FunctionDeclarationContext fn) {
                names.add(fn.name.getText());
            }
        }
        return names;
    }

    /**
     * The variable that a function nested in this block means by {@code name}, declared further
     * down the block: made now (bound when the block starts), or the one an earlier use made;
     * null when the block declares no such name below.
     */
    Variable declaredBelow(String name) {
        if (!declaredBelow.contains(name)) {
            return null;
        }
        return usedAbove.computeIfAbsent(name, n -> {
            Variable v = owner.newLocal(n);
            v.boundAtEntry = true;
            boundAtEntry.add(v);
            return v;
        });
    }

    /** The variable a declaration of {@code name} here makes: the one a use above it made, else newly made. */
    Variable declare(String name, Supplier<Variable> make) {
        Variable v = usedAbove.remove(name);
        v = v != null ? v : make.get();
        declared.put(name, v);
        return v;
    }
}
