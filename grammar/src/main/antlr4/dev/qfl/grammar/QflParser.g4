// Syntax of QFL. Every alternative is labelled so each maps to exactly one AST node in the
// interpreter's AstBuilder. Statements are free-form: line breaks are white space and ';' is
// optional, so a long query may span lines.
parser grammar QflParser;

options { tokenVocab = QflLexer; }

script : statement* EOF;

standaloneExpression : expression EOF;

statement
    : SERIES name=identifier ASSIGN value=expression SEMI?                     #seriesDeclaration
    | MODEL name=identifier ASSIGN value=expression SEMI?                      #modelDeclaration
    | LET name=identifier ASSIGN value=expression SEMI?                        #letDeclaration
    | FIT models+=identifier (COMMA models+=identifier)* SEMI?                 #fitStatement
    | EXPORT value=expression TO
      (TABLE table=STRING IN database=STRING | path=STRING) option* SEMI?      #exportStatement
    | SAVE model=identifier TO path=STRING SEMI?                               #saveStatement
    | PLOT value=expression (TO path=STRING)? SEMI?                            #plotStatement
    | expression SEMI?                                                         #expressionStatement
    ;

// A query is a call followed by its clauses in a fixed order (using, with, assuming, where); without clauses it is a plain value.
// `evaluate` backtests models and answers with a table of metrics.
expression
    : EVALUATE models+=identifier (COMMA models+=identifier)* ON series=identifier
      backtest=BACKTEST? option*                                               #evaluateExpression
    | body=booleanExpression
      (USING model=identifier)?
      (WITH whatIfs+=whatIf (COMMA whatIfs+=whatIf)*)?
      (ASSUMING independence=INDEPENDENCE)?
      (WHERE condition=booleanExpression)?                                     #queryExpression
    ;

// `with promo = 1, price = price * 0.9`: a future covariate replaced for one what-if question.
whatIf : name=identifier ASSIGN value=valueExpression;

booleanExpression
    : operand=valueExpression predicate?                                       #predicated
    | NOT operand=booleanExpression                                            #logicalNot
    | left=booleanExpression op=AND right=booleanExpression                    #logicalBinary
    | left=booleanExpression op=OR right=booleanExpression                     #logicalBinary
    ;

predicate
    : op=(EQ | NEQ | LT | LE | GT | GE) right=valueExpression                  #comparisonPredicate
    | IN range                                                                 #rangePredicate
    | IN list                                                                  #listPredicate
    ;

valueExpression
    : primaryExpression                                                        #primary
    | MINUS operand=valueExpression                                            #unaryMinus
    | left=valueExpression op=(STAR | SLASH) right=valueExpression             #arithmeticBinary
    | left=valueExpression op=(PLUS | MINUS) right=valueExpression             #arithmeticBinary
    ;

primaryExpression
    : NUMBER                                                                   #numberLiteral
    | DURATION                                                                 #durationLiteral
    | STRING                                                                   #stringLiteral
    | value=(TRUE | FALSE)                                                     #booleanLiteral
    | list                                                                     #listLiteral
    | callee=identifier LPAREN operand=booleanExpression
          OVER dimension=identifier range RPAREN                               #aggregateCall
    | callee=identifier LPAREN (argument (COMMA argument)* COMMA?)? RPAREN     #call
    | identifier                                                               #nameReference
    | LPAREN booleanExpression RPAREN                                          #parenthesized
    ;

list : LBRACK (argumentValue (COMMA argumentValue)* COMMA?)? RBRACK;

range : low=valueExpression DOTDOT high=valueExpression (STEP step=valueExpression)?;

argument
    : name=identifier COLON value=argumentValue                                #namedArgument
    | value=argumentValue                                                      #positionalArgument
    ;

argumentValue
    : range                                                                    #rangeValue
    | booleanExpression                                                        #booleanValue
    ;

// Options written after a statement's fixed part, e.g. `export t to "f.csv" append: true`.
option : name=identifier COLON value=argumentValue;

// Words that are keywords in one position only stay usable as names elsewhere.
identifier
    : IDENTIFIER
    | STEP
    | INDEPENDENCE
    | BACKTEST
    | TABLE
    ;
