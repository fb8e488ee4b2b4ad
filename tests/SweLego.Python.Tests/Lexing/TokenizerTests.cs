using System.Text;
using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;
using static SweLego.Python.Syntax.TokenKind;

namespace SweLego.Python.Tests.Lexing;

public sealed class TokenizerTests
{
    [Fact]
    public void Tokenize_SimpleAssignment_EmitsTokensNewlineAndEndOfFile()
    {
        Assert.Equal([Name, Equal, NumberLiteral, Newline, EndOfFile], Py.Kinds("x = 1\n"));
    }

    [Fact]
    public void Tokenize_MissingFinalNewline_AddsZeroWidthNewline()
    {
        var module = Py.Valid("x = 1  # done");
        var newline = module.GetToken(3);
        Assert.Equal(Newline, newline.Kind);
        Assert.True(newline.Span.IsEmpty);
        Assert.Equal("  # done", newline.LeadingTrivia);
    }

    [Fact]
    public void Tokenize_IndentedBlock_EmitsIndentAndDedentAfterTheNewline()
    {
        var kinds = Py.Kinds("if x:\n    y\nz\n");
        Assert.Equal([IfKeyword, Name, Colon, Newline, Indent, Name, Newline, Dedent, Name, Newline, EndOfFile], kinds);
    }

    [Fact]
    public void Tokenize_BlankAndCommentLines_DoNotAffectIndentation()
    {
        var kinds = Py.Kinds("if x:\n\n  # note\n    y\n        # deeper comment\n    z\n");
        Assert.Equal([IfKeyword, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, EndOfFile], kinds);
    }

    [Fact]
    public void Tokenize_IndentToken_LeavesCommentsAsTriviaOfTheStatement()
    {
        var module = Py.Valid("def f():\n    # explain\n    return 1\n");
        var statement = module.Root.DescendantNodes().OfType<SimpleStatementLineSyntax>().Single();
        Assert.Equal("    # explain\n    return 1\n", statement.FullText);
        Assert.Equal("return 1\n", statement.Text);
    }

    [Fact]
    public void Tokenize_NewlinesInsideBrackets_AreTrivia()
    {
        Assert.Equal([Name, Equal, LeftParen, NumberLiteral, Comma, NumberLiteral, RightParen, Newline, EndOfFile], Py.Kinds("x = (1,\n     2)\n"));
    }

    [Fact]
    public void Tokenize_BackslashContinuation_JoinsLines()
    {
        Assert.Equal([Name, Equal, NumberLiteral, Plus, NumberLiteral, Newline, EndOfFile], Py.Kinds("x = 1 + \\\n    2\n"));
    }

    [Fact]
    public void Tokenize_BackslashInColumnZeroOfIndentation_DoesNotFixTheLevel()
    {
        // CPython treats a continuation at column 0 as "not fixed yet" (C truthiness of 0).
        Py.Valid("if x:\n    a = 1\n\\\n    b = 2\n");
    }

    [Fact]
    public void Tokenize_BackslashFollowedByText_ReportsUnexpectedCharacter()
    {
        var module = Py.Invalid("x = 1 \\ 2\n");
        Assert.Equal("unexpected character after line continuation character", module.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("1", NumberLiteral)]
    [InlineData("1_000_000", NumberLiteral)]
    [InlineData("0x_FF", NumberLiteral)]
    [InlineData("0o17", NumberLiteral)]
    [InlineData("0b1010", NumberLiteral)]
    [InlineData("1.5e-3", NumberLiteral)]
    [InlineData(".5", NumberLiteral)]
    [InlineData("1.", NumberLiteral)]
    [InlineData("1_0.0_1e1_0j", NumberLiteral)]
    [InlineData("00", NumberLiteral)]
    [InlineData("0_0", NumberLiteral)]
    [InlineData("...", Ellipsis)]
    public void Tokenize_NumberForms_ProduceOneToken(string text, TokenKind kind)
    {
        var kinds = Py.Kinds(text + "\n");
        Assert.Equal([kind, Newline, EndOfFile], kinds);
    }

    [Theory]
    [InlineData("0777", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")]
    [InlineData("1__0", "invalid decimal literal")]
    [InlineData("1_", "invalid decimal literal")]
    [InlineData("0b102", "invalid digit '2' in binary literal")]
    [InlineData("0o8", "invalid digit '8' in octal literal")]
    [InlineData("0x", "invalid hexadecimal literal")]
    [InlineData("1e+", "invalid decimal literal")]
    [InlineData("1.real", "invalid decimal literal")]
    [InlineData("10L", "invalid decimal literal")]
    public void Tokenize_MalformedNumber_ReportsCPythonMessage(string text, string message)
    {
        var module = Py.Invalid("x = " + text + "\n");
        Assert.Equal(message, module.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("x = 1if y else 2\n")]
    [InlineData("x = [0x1for x in y]\n")]
    [InlineData("x = 1 .real\n")]
    public void Tokenize_NumberGluedToKeyword_IsAcceptedLikeCPython(string source)
    {
        Py.Valid(source);
    }

    [Theory]
    [InlineData("'a'")]
    [InlineData("\"a\"")]
    [InlineData("'''a\nb'''")]
    [InlineData("\"\"\"a\"\"\"")]
    [InlineData("r'\\d'")]
    [InlineData("b'x'")]
    [InlineData("Rb'x'")]
    [InlineData("bR'x'")]
    [InlineData("u'x'")]
    [InlineData("'it\\'s'")]
    [InlineData("'a\\\nb'")]
    [InlineData("''''''")]
    public void Tokenize_StringForms_ProduceOneStringToken(string text)
    {
        Assert.Equal([StringLiteral, Newline, EndOfFile], Py.Kinds(text + "\n"));
    }

    [Fact]
    public void Tokenize_UnterminatedString_ReportsLineAndKeepsTheRestParsable()
    {
        var module = Py.Invalid("x = 'abc\ndef f():\n    pass\n");
        Assert.Equal("unterminated string literal (detected at line 1)", module.Diagnostics[0].Message);
        Assert.Equal("f", Assert.Single(module.Functions).Name);
    }

    [Fact]
    public void Tokenize_UnterminatedTripleQuotedString_Reports()
    {
        var module = Py.Invalid("x = '''abc\n\n");
        Assert.StartsWith("unterminated triple-quoted string literal", module.Diagnostics[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_FString_SplitsIntoStartMiddleFieldAndEnd()
    {
        var kinds = Py.Kinds("f'a{x!r:>{w}}b'\n");
        Assert.Equal(
            [FStringStart, FStringMiddle, LeftBrace, Name, Exclamation, Name, Colon, FStringMiddle, LeftBrace, Name, RightBrace, RightBrace, FStringMiddle, FStringEnd, Newline, EndOfFile],
            kinds);
    }

    [Fact]
    public void Tokenize_FStringDoubledBraces_StayInTheLiteral()
    {
        Assert.Equal([FStringStart, FStringMiddle, FStringEnd, Newline, EndOfFile], Py.Kinds("f'{{x}}'\n"));
    }

    [Fact]
    public void Tokenize_FStringColonEqualsAtTopLevel_StartsFormatSpec()
    {
        Assert.Equal([FStringStart, LeftBrace, Name, Colon, FStringMiddle, RightBrace, FStringEnd, Newline, EndOfFile], Py.Kinds("f'{x:=10}'\n"));
    }

    [Fact]
    public void Tokenize_FStringNamedUnicodeEscape_IsNotAReplacementField()
    {
        Assert.Equal([FStringStart, FStringMiddle, LeftBrace, Name, RightBrace, FStringEnd, Newline, EndOfFile], Py.Kinds("f'\\N{BULLET} {x}'\n"));
    }

    [Theory]
    [InlineData("$", "invalid syntax")]
    [InlineData("?", "invalid syntax")]
    [InlineData("€", "invalid character '€' (U+20AC)")]
    [InlineData("\u00a0", "invalid non-printable character U+00A0")]
    [InlineData("\u0001", "invalid non-printable character U+0001")]
    [InlineData("\0", "source code string cannot contain null bytes")]
    public void Tokenize_InvalidCharacter_ReportsItAndEmitsErrorToken(string character, string message)
    {
        var module = Py.Invalid("x = 1 " + character + "\n");
        Assert.Equal(message, module.Diagnostics[0].Message);
        Assert.Contains(Enumerable.Range(0, module.TokenCount), i => module.GetToken(i).Kind == Error);
    }

    [Fact]
    public void Tokenize_UnicodeIdentifier_IsAName()
    {
        var module = Py.Valid("größe = 𝔘𝔫𝔦 + ä·b\n");
        Assert.Equal(["größe", "𝔘𝔫𝔦", "ä·b"], module.Root.DescendantNodes().OfType<NameExpressionSyntax>().Select(n => n.Identifier));
    }

    [Fact]
    public void Tokenize_TabsThenSpacesInconsistently_ReportsTabError()
    {
        var module = Py.Invalid("if x:\n\tpass\n        pass\n");
        Assert.Equal("inconsistent use of tabs and spaces in indentation", module.Diagnostics[0].Message);
    }

    [Fact]
    public void Tokenize_DedentToUnknownLevel_ReportsIndentationError()
    {
        var module = Py.Invalid("if 1:\n    pass\n  pass\n");
        Assert.Equal("unindent does not match any outer indentation level", module.Diagnostics[0].Message);
        Assert.Equal(3, module.Diagnostics[0].Line);
    }

    [Fact]
    public void Tokenize_FormFeedInIndentation_ResetsTheColumn()
    {
        Py.Valid("if x:\n    pass\n\f\ny = 1\n");
        Py.Valid("x = 1\n\fy = 2\n");
    }

    [Fact]
    public void Tokenize_TooManyNestedParentheses_ReportsInsteadOfRecursingForever()
    {
        var source = "x = " + new string('(', 250) + "1" + new string(')', 250) + "\n";
        var module = Py.Invalid(source);
        Assert.Equal("too many nested parentheses", module.Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("x = (1,\n2\n", "'(' was never closed")]
    [InlineData("x = [1, 2)\n", "closing parenthesis ')' does not match opening parenthesis '['")]
    [InlineData("x = 1)\n", "unmatched ')'")]
    public void Tokenize_UnbalancedBrackets_ReportCPythonMessages(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Fact]
    public void Tokenize_EveryByte_IsInExactlyOneTokenOrItsTrivia()
    {
        const string source = "# c\r\nif x:  # c2\r\n\tpass\r\n\r\n@d\ndef f(a,\n      b): return a \\\n  + b\n";
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(source));
        int cursor = 0;
        for (int i = 0; i < module.TokenCount; i++)
        {
            var token = module.GetToken(i);
            Assert.Equal(cursor, token.FullSpan.Start);
            cursor = token.Span.End;
        }

        Assert.Equal(source.Length, cursor);
    }
}
