// Tokens of QFL. Keywords are lower case and case sensitive. Comments and white space go to
// the hidden channel (not skipped) so the formatter can keep comments, and a final catch-all
// token turns every stray character into a positioned parse error instead of a lexer crash.
lexer grammar QflLexer;

SERIES      : 'series';
MODEL       : 'model';
FIT         : 'fit';
LET         : 'let';
EXPORT      : 'export';
SAVE        : 'save';
PLOT        : 'plot';
TO          : 'to';
TABLE       : 'table';
USING       : 'using';
WITH        : 'with';
ASSUMING    : 'assuming';
INDEPENDENCE: 'independence';
WHERE       : 'where';
AND         : 'and';
OR          : 'or';
NOT         : 'not';
IN          : 'in';
STEP        : 'step';
OVER        : 'over';
EVALUATE    : 'evaluate';
ON          : 'on';
BACKTEST    : 'backtest';
TRUE        : 'true';
FALSE       : 'false';

EQ      : '==';
NEQ     : '!=';
LE      : '<=';
GE      : '>=';
LT      : '<';
GT      : '>';
ASSIGN  : '=';
DOTDOT  : '..';
COMMA   : ',';
COLON   : ':';
SEMI    : ';';
LPAREN  : '(';
RPAREN  : ')';
LBRACK  : '[';
RBRACK  : ']';
PLUS    : '+';
MINUS   : '-';
STAR    : '*';
SLASH   : '/';

// A duration such as 10m or 90s; must come before NUMBER so "10m" is one token.
DURATION : DIGIT+ ('ms' | 's' | 'm' | 'h' | 'd');
// No leading dot and a digit after any dot, so "1..7" lexes as 1 .. 7.
NUMBER   : DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;
STRING   : '"' (~["\\\r\n] | '\\' .)* '"';
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' .)*;
IDENTIFIER : [a-zA-Z_] [a-zA-Z_0-9]*;

COMMENT : '#' ~[\r\n]* -> channel(HIDDEN);
WS      : [ \t\r\n]+ -> channel(HIDDEN);

UNRECOGNIZED : .;

fragment DIGIT : [0-9];
