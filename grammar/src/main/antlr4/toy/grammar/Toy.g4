// The grammar of Toy (LANGUAGE.md sections 1-4). No embedded actions: the interpreter's
// NewlineFilter decides which line breaks end a statement, and its compiler reports the
// semantic errors (chained comparisons, invalid assignment targets, spawn of a non-call).
grammar Toy;

// ---------------------------------------------------------------- statements

// Statements are separated by one separator or more, with any number before the first and
// after the last. Written so that each choice is made on the next token alone (LL(1)): ANTLR
// then generates a switch instead of an adaptive prediction, which costs milliseconds on a
// cold JVM (docs/speed.md, "The parser's decisions"). The other rules are written so too
// where they can be.
program
    : statement? (separator statement?)* EOF
    ;

// The expression of an f-string's replacement field, which the compiler parses on its own.
fieldExpression
    : expression EOF
    ;

block
    : '{' statement? (separator statement?)* '}'
    ;

separator
    : NEWLINE
    | ';'
    ;

statement
    : 'let' names+=NAME (',' names+=NAME)* ('=' values+=expression (',' values+=expression)*)?  # letStatement
    | 'fn' name=NAME '(' parameters? ')' body=block                            # functionDeclaration
    | 'if' conditions+=expression blocks+=block
      (('elif' | 'else' 'if') conditions+=expression blocks+=block)*
      ('else' elseBlock=block)?                                                # ifStatement
    | 'while' condition=expression body=block                                  # whileStatement
    | 'for' variables+=NAME (',' variables+=NAME)* 'in' iterable=expression body=block  # forStatement
    | 'break'                                                                  # breakStatement
    | 'continue'                                                               # continueStatement
    | 'return' value=expression?                                               # returnStatement
    | 'with' resource=expression body=block                                    # withStatement
    | 'try' body=block 'catch' variable=NAME handler=block                     # tryStatement
    | 'raise' value=expression                                                 # raiseStatement
    // An expression, or an assignment to one or more targets (CPython's expr_stmt): one
    // alternative, so that the parser need not look past a whole expression for an operator.
    // Several targets without an operator are a syntax error, which Parsing reports.
    | targets+=expression (',' targets+=expression)*
      (op=assignOperator values+=expression (',' values+=expression)*)?       # expressionStatement
    ;

assignOperator
    : '=' | '+=' | '-=' | '*=' | '/=' | '//=' | '%='
    ;

parameters
    : parameter (',' parameter)* ','?
    ;

// A parameter with a default value, evaluated once when the `fn` runs.
parameter
    : name=NAME ('=' defaultValue=expression)?
    ;

// ---------------------------------------------------------------- expressions, lowest precedence first

// `a if c else b`, the lowest precedence, as in Python.
expression
    : operand=orExpression ('if' condition=orExpression 'else' alternative=expression)?
    ;

orExpression
    : operands+=andExpression ('or' operands+=andExpression)*
    ;

andExpression
    : operands+=notExpression ('and' operands+=notExpression)*
    ;

notExpression
    : 'not' operand=notExpression                                              # notOperation
    | comparison                                                               # notOperand
    ;

// Comparisons do not chain; the compiler reports a second operator as an error.
comparison
    : operands+=additive (operators+=comparisonOperator operands+=additive)*
    ;

comparisonOperator
    : '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not' 'in'
    ;

additive
    : operands+=multiplicative (operators+=('+' | '-') operands+=multiplicative)*
    ;

multiplicative
    : operands+=unary (operators+=('*' | '/' | '//' | '%') operands+=unary)*
    ;

unary
    : '-' operand=unary                                                        # negation
    | power                                                                    # unaryOperand
    ;

// `**` binds tighter than unary minus on its left and is right-associative: -2 ** 2 is -4.
power
    : base=postfix ('**' exponent=unary)?
    ;

// `spawn f(x).join()`: spawn applies up to the first call of its operand, the trailers after
// that call to the thread (the compiler's visitPostfix). Here rather than among the primaries,
// where each trailer after it could belong to the operand or to the spawn: a choice the parser
// could only make by looking far ahead. A spawn's postfix has no primary and no trailers.
postfix
    : spawn='spawn' call=postfix
    | primary trailer*
    ;

trailer
    : '(' arguments? ')'                                                       # callTrailer
    // A slice `[lower:upper:step]` when `slice` (its first ':') is there, else `[i]` with `lower`
    // the index: one alternative, so that the parser need not look past `i` for a ':'.
    | '[' ( lower=expression (slice=':' upper=expression? (':' step=expression?)?)?
          | slice=':' upper=expression? (':' step=expression?)? ) ']'          # subscriptTrailer
    | '.' NAME                                                                 # attributeTrailer
    ;

arguments
    : argument (',' argument)* ','?
    ;

// Keyword arguments follow the positional ones; the compiler checks the order.
argument
    : name=NAME '=' value=expression
    | value=expression
    ;

primary
    : INT                                                                      # intLiteral
    | FLOAT                                                                    # floatLiteral
    | STRING                                                                   # stringLiteral
    | FSTRING                                                                  # formattedString
    | 'true'                                                                   # trueLiteral
    | 'false'                                                                  # falseLiteral
    | 'nil'                                                                    # nilLiteral
    | NAME                                                                     # nameReference
    | '(' expression ')'                                                       # parenthesized
    // A list or map display (Python's term): a literal, or a comprehension when its first
    // element has `for` clauses after it.
    | '[' (elements+=expression (comprehensionFor+ | (',' elements+=expression)* ','?))? ']'  # listDisplay
    | '{' (entries+=mapEntry (comprehensionFor+ | (',' entries+=mapEntry)* ','?))? '}'        # mapDisplay
    | 'fn' '(' parameters? ')' body=block                                      # functionExpression
    ;

mapEntry
    : key=expression ':' value=expression
    ;

// `for x in xs if c`: the iterable and the conditions stop before a conditional expression, as in Python.
comprehensionFor
    : 'for' variables+=NAME (',' variables+=NAME)* 'in' iterable=orExpression ('if' conditions+=orExpression)*
    ;

// ---------------------------------------------------------------- lexer rules

INT
    : DIGITS
    | '0' [xX] HEX_DIGIT ('_'? HEX_DIGIT)*
    ;

FLOAT
    : DIGITS '.' DIGITS EXPONENT?
    | '.' DIGITS EXPONENT?
    | DIGITS EXPONENT
    ;

// Triple-quoted strings may span lines; the line breaks are part of the string.
STRING
    : '"""' (ESCAPE_ANY | ~'\\')*? '"""'
    | '\'\'\'' (ESCAPE_ANY | ~'\\')*? '\'\'\''
    | '"' (ESCAPE | ~["\\\r\n])* '"'
    | '\'' (ESCAPE | ~['\\\r\n])* '\''
    ;

// f"…{expression:spec}…": the compiler parses the replacement fields.
FSTRING
    : [fF] '"""' (ESCAPE_ANY | ~'\\')*? '"""'
    | [fF] '\'\'\'' (ESCAPE_ANY | ~'\\')*? '\'\'\''
    | [fF] '"' (ESCAPE | ~["\\\r\n])* '"'
    | [fF] '\'' (ESCAPE | ~['\\\r\n])* '\''
    ;

// A string whose closing quote is missing on its line; the interpreter reports it.
UNTERMINATED_STRING
    : [fF]? '"""' ('"' '"'? (ESCAPE_ANY | ~["\\]) | ESCAPE_ANY | ~["\\])* ('"' '"'?)?
    | [fF]? '\'\'\'' ('\'' '\''? (ESCAPE_ANY | ~['\\]) | ESCAPE_ANY | ~['\\])* ('\'' '\''?)?
    | [fF]? '"' (ESCAPE | ~["\\\r\n])* '\\'?
    | [fF]? '\'' (ESCAPE | ~['\\\r\n])* '\\'?
    ;

NAME
    : [A-Za-z_] [A-Za-z0-9_]*
    ;

NEWLINE
    : '\r'? '\n'
    | '\r'
    ;

WHITESPACE
    : [ \t\f]+ -> skip
    ;

COMMENT
    : '#' ~[\r\n]* -> skip
    ;

// Any other character; the interpreter reports it as invalid.
INVALID_CHARACTER
    : .
    ;

fragment DIGITS
    : [0-9] ('_'? [0-9])*
    ;

fragment HEX_DIGIT
    : [0-9a-fA-F]
    ;

fragment EXPONENT
    : [eE] [+-]? DIGITS
    ;

// Which escapes are valid is checked by the compiler, so that a bad one gets a precise message.
fragment ESCAPE
    : '\\' ~[\r\n]
    ;

fragment ESCAPE_ANY
    : '\\' .
    ;
