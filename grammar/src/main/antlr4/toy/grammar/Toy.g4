// The grammar of Toy (LANGUAGE.md sections 1-4). No embedded actions: the interpreter's
// NewlineFilter decides which line breaks end a statement, and its compiler reports the
// semantic errors (chained comparisons, invalid assignment targets, spawn of a non-call).
grammar Toy;

// ---------------------------------------------------------------- statements

program
    : separator* (statement (separator+ statement)* separator*)? EOF
    ;

block
    : '{' separator* (statement (separator+ statement)* separator*)? '}'
    ;

separator
    : NEWLINE
    | ';'
    ;

statement
    : 'let' name=NAME ('=' value=expression)?                                  # letStatement
    | 'fn' name=NAME '(' parameters? ')' body=block                            # functionDeclaration
    | 'if' conditions+=expression blocks+=block
      ('elif' conditions+=expression blocks+=block)*
      ('else' elseBlock=block)?                                                # ifStatement
    | 'while' condition=expression body=block                                  # whileStatement
    | 'for' variable=NAME 'in' iterable=expression body=block                  # forStatement
    | 'break'                                                                  # breakStatement
    | 'continue'                                                               # continueStatement
    | 'return' value=expression?                                               # returnStatement
    | 'with' resource=expression body=block                                    # withStatement
    | 'try' body=block 'catch' variable=NAME handler=block                     # tryStatement
    | 'raise' value=expression                                                 # raiseStatement
    | target=expression op=assignOperator value=expression                     # assignStatement
    | expression                                                               # expressionStatement
    ;

assignOperator
    : '=' | '+=' | '-=' | '*=' | '/=' | '//=' | '%='
    ;

parameters
    : NAME (',' NAME)* ','?
    ;

// ---------------------------------------------------------------- expressions, lowest precedence first

expression
    : orExpression
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

postfix
    : primary trailer*
    ;

trailer
    : '(' arguments? ')'                                                       # callTrailer
    | '[' index=expression ']'                                                 # indexTrailer
    | '[' lower=expression? ':' upper=expression? ']'                          # sliceTrailer
    | '.' NAME                                                                 # attributeTrailer
    ;

arguments
    : expression (',' expression)* ','?
    ;

primary
    : INT                                                                      # intLiteral
    | FLOAT                                                                    # floatLiteral
    | STRING                                                                   # stringLiteral
    | 'true'                                                                   # trueLiteral
    | 'false'                                                                  # falseLiteral
    | 'nil'                                                                    # nilLiteral
    | NAME                                                                     # nameReference
    | '(' expression ')'                                                       # parenthesized
    | '[' (expression (',' expression)* ','?)? ']'                             # listLiteral
    | '{' (mapEntry (',' mapEntry)* ','?)? '}'                                 # mapLiteral
    | 'fn' '(' parameters? ')' body=block                                      # functionExpression
    | 'spawn' call=postfix                                                     # spawnExpression
    ;

mapEntry
    : key=expression ':' value=expression
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

STRING
    : '"' (ESCAPE | ~["\\\r\n])* '"'
    | '\'' (ESCAPE | ~['\\\r\n])* '\''
    ;

// A string whose closing quote is missing on its line; the interpreter reports it.
UNTERMINATED_STRING
    : '"' (ESCAPE | ~["\\\r\n])* '\\'?
    | '\'' (ESCAPE | ~['\\\r\n])* '\\'?
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
