using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>A <c>def</c>'s parenthesized parameters or a <c>lambda</c>'s bare ones (up to the colon).</summary>
    private ParameterListSyntax ParseParameterList(bool lambda)
    {
        int start = pos;
        if (!lambda)
        {
            Advance();
        }

        TokenKind close = lambda ? TokenKind.Colon : TokenKind.RightParen;
        int mark = scratch.Count;
        while (Kind != close && !aborted)
        {
            var parameter = ParseParameter(lambda);
            if (parameter is null)
            {
                Error("invalid syntax");
                break;
            }

            scratch.Add(parameter);
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (!lambda)
        {
            CloseBracket(TokenKind.RightParen, "')'");
        }

        var parameters = PopArray<ParameterSyntax>(mark);
        ValidateParameters(parameters);
        return Done(new ParameterListSyntax(parameters, !lambda), start);
    }

    private ParameterSyntax? ParseParameter(bool lambda)
    {
        int start = pos;
        switch (Kind)
        {
            case TokenKind.Slash:
                Advance();
                return Done(new ParameterSyntax(-1, null, null, ParameterKind.PositionalOnlyMarker), start);
            case TokenKind.Star:
            {
                Advance();
                if (Kind != TokenKind.Name)
                {
                    return Done(new ParameterSyntax(-1, null, null, ParameterKind.KeywordOnlyMarker), start);
                }

                int name = Advance();
                // PEP 646 (3.11): *args: *Ts
                var annotation = !lambda && Accept(TokenKind.Colon) ? ParseStarExpression() : null;
                if (Kind == TokenKind.Equal)
                {
                    Error("var-positional argument cannot have default value");
                    Advance();
                    ParseExpression();
                }

                return Done(new ParameterSyntax(name, annotation, null, ParameterKind.VarPositional), start);
            }

            case TokenKind.DoubleStar:
            {
                Advance();
                int name = Expect(TokenKind.Name, "a parameter name");
                var annotation = !lambda && name >= 0 && Accept(TokenKind.Colon) ? ParseExpression() : null;
                if (Kind == TokenKind.Equal)
                {
                    Error("var-keyword argument cannot have default value");
                    Advance();
                    ParseExpression();
                }

                return Done(new ParameterSyntax(name, annotation, null, ParameterKind.VarKeyword), start);
            }

            case TokenKind.Name:
            {
                int name = Advance();
                var annotation = !lambda && Accept(TokenKind.Colon) ? ParseExpression() : null;
                var defaultValue = Accept(TokenKind.Equal) ? ParseExpression() : null;
                return Done(new ParameterSyntax(name, annotation, defaultValue, ParameterKind.Normal), start);
            }

            default:
                return null;
        }
    }

    /// <summary>The ordering rules CPython's grammar enforces on parameter lists.</summary>
    private void ValidateParameters(ParameterSyntax[] parameters)
    {
        bool seenSlash = false, seenStar = false, seenDefault = false;
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            int at = tokens[parameter.FirstToken].Start;
            switch (parameter.ParameterKind)
            {
                case ParameterKind.PositionalOnlyMarker:
                    if (seenSlash)
                    {
                        ErrorAt(at, "/ may appear only once");
                    }
                    else if (seenStar)
                    {
                        ErrorAt(at, "/ must be ahead of *");
                    }
                    else if (i == 0)
                    {
                        ErrorAt(at, "at least one argument must precede /");
                    }

                    seenSlash = true;
                    break;
                case ParameterKind.KeywordOnlyMarker or ParameterKind.VarPositional:
                    if (seenStar)
                    {
                        ErrorAt(at, "* argument may appear only once");
                    }
                    else if (parameter.ParameterKind == ParameterKind.KeywordOnlyMarker
                        && (i + 1 == parameters.Length || parameters[i + 1].ParameterKind != ParameterKind.Normal))
                    {
                        ErrorAt(at, "named arguments must follow bare *");
                    }

                    seenStar = true;
                    break;
                case ParameterKind.VarKeyword:
                    if (i + 1 < parameters.Length)
                    {
                        ErrorAt(tokens[parameters[i + 1].FirstToken].Start, "arguments cannot follow var-keyword argument");
                    }

                    break;
                default:
                    if (parameter.Default is not null)
                    {
                        seenDefault = true;
                    }
                    else if (seenDefault && !seenStar)
                    {
                        ErrorAt(at, "non-default argument follows default argument");
                    }

                    break;
            }
        }
    }

    private TypeParameterListSyntax ParseTypeParameterList()
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        while (Kind != TokenKind.RightBracket && !aborted)
        {
            int parameterStart = pos;
            var kind = Kind switch
            {
                TokenKind.Star => TypeParameterKind.TypeVarTuple,
                TokenKind.DoubleStar => TypeParameterKind.ParamSpec,
                _ => TypeParameterKind.TypeVar,
            };
            if (kind != TypeParameterKind.TypeVar)
            {
                Advance();
            }

            int name = Expect(TokenKind.Name, "a type parameter name");
            if (name < 0)
            {
                break;
            }

            ExpressionSyntax? bound = null;
            if (kind == TypeParameterKind.TypeVar && Accept(TokenKind.Colon))
            {
                bound = ParseExpression();
            }

            ExpressionSyntax? defaultValue = null;
            if (Accept(TokenKind.Equal))
            {
                defaultValue = kind == TypeParameterKind.TypeVarTuple ? ParseStarExpression() : ParseExpression();
            }

            scratch.Add(Done(new TypeParameterSyntax(name, bound, defaultValue, kind), parameterStart));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (scratch.Count == mark)
        {
            Error("Type parameter list cannot be empty");
        }

        CloseBracket(TokenKind.RightBracket, "']'");
        return Done(new TypeParameterListSyntax(PopArray<TypeParameterSyntax>(mark)), start);
    }
}
