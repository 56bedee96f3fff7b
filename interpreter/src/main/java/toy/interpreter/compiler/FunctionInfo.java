package toy.interpreter.compiler;

import java.util.ArrayList;
import java.util.List;

/** What the resolver learns about one function (or the top-level code): its slots and free variables. */
final class FunctionInfo {
    final String name;
    final FunctionInfo enclosing;
    final List<String> localNames = new ArrayList<>();
    final List<Variable> parameters = new ArrayList<>();
    /** Variables of enclosing functions used here (or by functions nested here), in order. */
    final List<Variable> freeVariables = new ArrayList<>();

    FunctionInfo(String name, FunctionInfo enclosing) {
        this.name = name;
        this.enclosing = enclosing;
    }

    Variable newLocal(String name) {
        localNames.add(name);
        return new Variable(name, this, localNames.size() - 1);
    }

    int freeIndex(Variable v) {
        int index = freeVariables.indexOf(v);
        if (index < 0) {
            freeVariables.add(v);
            index = freeVariables.size() - 1;
        }
        return index;
    }
}
