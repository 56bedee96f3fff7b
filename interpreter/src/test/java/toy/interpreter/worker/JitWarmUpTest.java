package toy.interpreter.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import toy.interpreter.bytecode.Code;
import toy.interpreter.vm.Jit;

/** The program a Pool worker warms its JIT up on, as it starts (WorkerMain). */
class JitWarmUpTest {
    @Test
    void theWarmUpProgramCompilesAndHasOneFunction() throws Exception {
        List<String> functions = new ArrayList<>();
        for (Object constant : WorkerMain.warmUpProgram().constants()) {
            if (constant instanceof Code code) {
                functions.add(code.name());
            }
        }
        assertEquals(List.of("warm_up"), functions);
    }

    @Test
    void theJitCompilesItWithoutAFailure() throws Exception {
        // Under the tests' assertions a failure to compile is an AssertionError, which the Future carries.
        Jit.warmUp(WorkerMain::warmUpProgram).get(60, TimeUnit.SECONDS);
        assertTrue(Jit.class.desiredAssertionStatus(), "the tests run with assertions on, so that a failed compile fails here");
    }
}
