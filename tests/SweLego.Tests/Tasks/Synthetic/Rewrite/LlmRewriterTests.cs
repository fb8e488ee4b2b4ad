using System.Text;
using SweLego.Models;
using SweLego.Python;
using SweLego.Tasks.Synthetic.Rewrite;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic.Rewrite;

public sealed class LlmRewriterTests
{
    private const string Original = """"
        "Accounts."

        import math


        class Account:
            "A bank account."

            def __init__(self, total):
                self._total = total

            @property
            def balance(self):
                """Current balance, never negative."""
                if self._total > 0:
                    return self._total
                return 0

            def deposit(self, amount):
                '''Add amount and return the new total.'''
                self._total += amount
                return self._total


        def area(radius):
            return math.pi * radius ** 2

        """";

    private const string OriginalBody = """"
                if self._total > 0:
                    return self._total
                return 0
        """";

    private static ModelClient Client(ModelStub stub, int maxRetries = 2) => new(new ModelClientOptions
    {
        Endpoint = stub.Endpoint,
        Model = "stub-model",
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    });

    private static async Task<(RewriteResult Result, ModelStub Stub)> RewriteBalanceAsync(params StubReply[] replies)
    {
        var stub = new ModelStub().Enqueue(replies);
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(Original), "bank/account.py");
        var target = module.Functions.Single(f => f.QualifiedName == "Account.balance");
        var result = await new LlmRewriter(Client(stub)).RewriteAsync(module, target);
        return (result, stub);
    }

    [Fact]
    public async Task RewriteAsync_GoodRewrite_CandidateDiffersOnlyInThatFunction()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text(""""
            Here is the implementation:

            ```python
            @property
            def balance(self):
                """Current balance, never negative."""
                return max(self._total, 1)
            ```
            """"));
        using var _ = stub;

        Assert.True(result.Success, result.Failure);
        var candidate = result.Candidate!;
        Assert.Equal("llm.rewrite", candidate.Method);
        Assert.Equal("bank/account.py", candidate.File);
        Assert.Equal("Account.balance", candidate.Function);
        Assert.Contains("stub-model", candidate.Description, StringComparison.Ordinal);
        string expected = Original.Replace(OriginalBody, "        return max(self._total, 1)", StringComparison.Ordinal);
        Assert.NotEqual(Original, expected);
        Assert.Equal(expected, Encoding.UTF8.GetString(candidate.NewContent));
        Assert.Empty(PythonSource.Parse(candidate.NewContent).Diagnostics);
    }

    [Fact]
    public async Task RewriteAsync_PromptSent_HasHeaderAndDocstringButNotBody()
    {
        var (_, stub) = await RewriteBalanceAsync(StubReply.Text("no code"));
        using var _ = stub;

        string prompt = Assert.Single(stub.Requests).MessagesText();
        Assert.Contains(""""
                @property
                def balance(self):
                    """Current balance, never negative."""
                    # <implementation removed>

                def deposit(self, amount):
            """", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("if self._total > 0:", prompt, StringComparison.Ordinal);
        Assert.Contains("`Account.balance`", prompt, StringComparison.Ordinal);
        Assert.Contains("bank/account.py", prompt, StringComparison.Ordinal);
        Assert.Contains("return math.pi * radius ** 2", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_GarbageReply_NoPythonCode()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text("I am sorry, I cannot see the file."));
        using var _ = stub;

        Assert.False(result.Success);
        Assert.Equal("reply has no Python code", result.Failure);
        Assert.Equal("I am sorry, I cannot see the file.", result.Reply);
    }

    [Fact]
    public async Task RewriteAsync_SameBodyReformatted_Unchanged()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text(""""
            ```python
            def balance(self):
              "Another docstring."
              if self._total>0:   # positive
                  return (self._total)
              return 0
            ```
            """"));
        using var _ = stub;

        // The extra parentheses are tokens: not unchanged.
        Assert.True(result.Success, result.Failure);

        var (same, stub2) = await RewriteBalanceAsync(StubReply.Text(""""
            ```python
            def balance(self):
              "Another docstring."
              if self._total>0:   # positive
                  return self._total

              return 0
            ```
            """"));
        using var __ = stub2;

        Assert.Equal("rewrite is unchanged", same.Failure);
    }

    [Fact]
    public async Task RewriteAsync_CodeThatDoesNotParse_ReasonWithLine()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text(""""
            ```python
            def balance(self):
                """Current balance, never negative."""
                if self._total > 0
                    return self._total
                return 0
            ```
            """"));
        using var _ = stub;

        Assert.False(result.Success);
        Assert.StartsWith("rewrite does not parse: 3:", result.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_OtherFunctionOnly_DoesNotDefine()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text("```python\ndef total(self):\n    return 1\n```"));
        using var _ = stub;

        Assert.Equal("reply does not define balance", result.Failure);
    }

    [Fact]
    public async Task RewriteAsync_Http500EveryTry_ModelErrorNamingStatus()
    {
        using var stub = new ModelStub { Fallback = StubReply.Status(500) };
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(Original), "bank/account.py");
        var target = module.Functions.Single(f => f.QualifiedName == "Account.balance");

        var result = await new LlmRewriter(Client(stub, maxRetries: 2)).RewriteAsync(module, target);

        Assert.False(result.Success);
        Assert.StartsWith("model error: HTTP 500 from http://127.0.0.1:", result.Failure, StringComparison.Ordinal);
        Assert.Contains("3 attempts", result.Failure, StringComparison.Ordinal);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task RewriteAsync_One500ThenGoodReply_Candidate()
    {
        var (result, stub) = await RewriteBalanceAsync(
            StubReply.Status(500),
            StubReply.Text("```python\ndef balance(self):\n    return abs(self._total)\n```"));
        using var _ = stub;

        Assert.True(result.Success, result.Failure);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Contains("        return abs(self._total)\n\n    def deposit", Encoding.UTF8.GetString(result.Candidate!.NewContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_ReplyInsideClassWithMultilineString_ReindentsButKeepsStringLines()
    {
        var (result, stub) = await RewriteBalanceAsync(StubReply.Text(""""
            ```python
            class Account:
                @property
                def balance(self):
                    message = '''total:
              kept as written'''
                    if self._total < 0:
                        return 0
                    return self._total
            ```
            """"));
        using var _ = stub;

        Assert.True(result.Success, result.Failure);
        string text = Encoding.UTF8.GetString(result.Candidate!.NewContent);
        Assert.Contains(""""
                    """Current balance, never negative."""
                    message = '''total:
              kept as written'''
                    if self._total < 0:
                        return 0
                    return self._total

                def deposit
            """", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RewriteAsync_FunctionWithoutDocstring_FailsWithoutCallingModel()
    {
        using var stub = new ModelStub();
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(Original), "bank/account.py");

        var result = await new LlmRewriter(Client(stub)).RewriteAsync(module, module.Functions.Single(f => f.Name == "area"));

        Assert.Equal("area has no docstring", result.Failure);
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public void Splice_CrlfFile_KeepsCrlf()
    {
        string crlf = Original.Replace("\n", "\r\n", StringComparison.Ordinal);
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(crlf), "bank/account.py");
        using var stub = new ModelStub();
        var rewriter = new LlmRewriter(Client(stub));

        var result = rewriter.Splice(module, module.Functions.Single(f => f.Name == "deposit"),
            "```python\ndef deposit(self, amount):\n    self._total -= amount\n    return self._total\n```");

        Assert.True(result.Success, result.Failure);
        string text = Encoding.UTF8.GetString(result.Candidate!.NewContent);
        Assert.Contains("'''Add amount and return the new total.'''\r\n        self._total -= amount\r\n        return self._total\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Splice_UnfencedAsyncTabIndentedReply_ReindentsToFileIndentation()
    {
        const string source = "class Feed:\n    async def fetch(self, n):\n        \"\"\"Fetch n items.\"\"\"\n        return [await self.one() for _ in range(n)]\n";
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(source), "feed.py");
        using var stub = new ModelStub();

        var result = new LlmRewriter(Client(stub)).Splice(module, module.Functions.Single(),
            "async def fetch(self, n):\n\titems = []\n\tfor _ in range(n - 1):\n\t\titems.append(await self.one())\n\treturn items\n");

        Assert.True(result.Success, result.Failure);
        Assert.Equal(
            "class Feed:\n    async def fetch(self, n):\n        \"\"\"Fetch n items.\"\"\"\n        items = []\n        for _ in range(n - 1):\n        \titems.append(await self.one())\n        return items\n",
            Encoding.UTF8.GetString(result.Candidate!.NewContent));
        Assert.Equal("Feed.fetch", result.Candidate.Function);
    }

    [Fact]
    public void BuildPrompt_DocstringOnlyFunction_Failure()
    {
        var module = PythonSource.Parse("def todo():\n    \"\"\"Not written yet.\"\"\"\n", "todo.py");

        var (prompt, failure) = LlmRewriter.BuildPrompt(module, module.Functions.Single());

        Assert.Null(prompt);
        Assert.Equal("todo has no body beyond its docstring", failure);
    }
}
