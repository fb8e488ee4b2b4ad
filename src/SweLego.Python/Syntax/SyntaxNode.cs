using System.Buffers;
using SweLego.Python.Text;

namespace SweLego.Python.Syntax;

/// <summary>
/// A node of the lossless concrete syntax tree. A node covers a contiguous run of tokens; the
/// tokens not covered by a child node belong to the node itself, so walking the tree and writing
/// every token with its leading trivia reproduces the source byte for byte.
/// </summary>
public abstract class SyntaxNode
{
    private readonly SyntaxNode[] children;
    private ParsedModule? module;

    private protected SyntaxNode(SyntaxKind kind, SyntaxNode[] children)
    {
        Kind = kind;
        this.children = children;
    }

    public SyntaxKind Kind { get; }

    public SyntaxNode? Parent { get; private set; }

    public ParsedModule Module => module!;

    /// <summary>Child nodes in source order.</summary>
    public IReadOnlyList<SyntaxNode> ChildNodes => children;

    internal int FirstToken { get; private set; }

    /// <summary>One past the last token of the node.</summary>
    internal int EndToken { get; private set; }

    /// <summary>The node's text without the leading trivia of its first token.</summary>
    public TextSpan Span
    {
        get
        {
            if (EndToken == FirstToken)
            {
                int at = module!.TriviaStart(FirstToken);
                return new TextSpan(at, at);
            }

            var tokens = module!.TokenArray;
            return new TextSpan(tokens[FirstToken].Start, tokens[EndToken - 1].End);
        }
    }

    /// <summary>The node's text including the leading trivia of its first token.</summary>
    public TextSpan FullSpan
    {
        get
        {
            int start = module!.TriviaStart(FirstToken);
            return EndToken == FirstToken ? new TextSpan(start, start) : new TextSpan(start, module.TokenArray[EndToken - 1].End);
        }
    }

    public string Text => module!.Text.GetText(Span);

    public string FullText => module!.Text.GetText(FullSpan);

    public SourceLocation StartLocation => module!.Text.GetLocation(Span.Start);

    public SourceLocation EndLocation => module!.Text.GetLocation(Span.End);

    /// <summary>The first token of the node, or null for an empty (error) node.</summary>
    public SyntaxToken? FirstTokenOrNull => EndToken > FirstToken ? new SyntaxToken(module!, FirstToken) : null;

    /// <summary>The last token of the node, or null for an empty (error) node.</summary>
    public SyntaxToken? LastTokenOrNull => EndToken > FirstToken ? new SyntaxToken(module!, EndToken - 1) : null;

    internal void Complete(ParsedModule owner, int first, int end)
    {
        module = owner;
        FirstToken = first;
        EndToken = end;
        foreach (var child in children)
        {
            child.Parent = this;
        }
    }

    /// <summary>Tokens owned directly by this node (not by a child), in source order.</summary>
    public IEnumerable<SyntaxToken> ChildTokens()
    {
        int cursor = FirstToken;
        foreach (var child in children)
        {
            for (; cursor < child.FirstToken; cursor++)
            {
                yield return new SyntaxToken(module!, cursor);
            }

            cursor = Math.Max(cursor, child.EndToken);
        }

        for (; cursor < EndToken; cursor++)
        {
            yield return new SyntaxToken(module!, cursor);
        }
    }

    /// <summary>Every token in the node's range, in source order.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        for (int i = FirstToken; i < EndToken; i++)
        {
            yield return new SyntaxToken(module!, i);
        }
    }

    /// <summary>
    /// Descendants in source (pre-)order. <paramref name="descendInto"/> decides whether the
    /// children of a node are visited (the node itself is still returned).
    /// </summary>
    public IEnumerable<SyntaxNode> DescendantNodes(Func<SyntaxNode, bool>? descendInto = null)
    {
        var stack = new Stack<(SyntaxNode Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (next >= node.children.Length)
            {
                continue;
            }

            stack.Push((node, next + 1));
            var child = node.children[next];
            yield return child;
            if (descendInto is null || descendInto(child))
            {
                stack.Push((child, 0));
            }
        }
    }

    public IEnumerable<SyntaxNode> Ancestors()
    {
        for (var node = Parent; node is not null; node = node.Parent)
        {
            yield return node;
        }
    }

    public T? FirstAncestorOrSelf<T>()
        where T : SyntaxNode
    {
        for (SyntaxNode? node = this; node is not null; node = node.Parent)
        {
            if (node is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>Writes the node's full text (with leading trivia) by walking the tree.</summary>
    public void WriteTo(IBufferWriter<byte> writer)
    {
        ReadOnlySpan<byte> source = module!.Text.Utf8;
        var tokens = module.TokenArray;
        var stack = new Stack<(SyntaxNode Node, int Next, int Cursor)>();
        stack.Push((this, 0, FirstToken));
        while (stack.Count > 0)
        {
            var (node, next, cursor) = stack.Pop();
            int stop = next < node.children.Length ? node.children[next].FirstToken : node.EndToken;
            for (int i = cursor; i < stop; i++)
            {
                writer.Write(source[module.TriviaStart(i)..tokens[i].End]);
            }

            if (next < node.children.Length)
            {
                var child = node.children[next];
                stack.Push((node, next + 1, Math.Max(stop, child.EndToken)));
                stack.Push((child, 0, child.FirstToken));
            }
        }
    }

    public override string ToString() => Text;

    /// <summary>
    /// Builds a child array from the given nodes in order, skipping nulls. Allocates exactly one
    /// array of the final size (none when every node is null).
    /// </summary>
    private protected static SyntaxNode[] ChildArray(params ReadOnlySpan<SyntaxNode?> nodes) => ChildArray(nodes, [], []);

    /// <summary>
    /// Builds a child array from <paramref name="before"/>, then every node of
    /// <paramref name="list"/>, then <paramref name="after"/>, in that order, skipping nulls in
    /// <paramref name="before"/> and <paramref name="after"/>. Allocates exactly one array of the
    /// final size (none when it would be empty).
    /// </summary>
    private protected static SyntaxNode[] ChildArray(ReadOnlySpan<SyntaxNode?> before, ReadOnlySpan<SyntaxNode> list, params ReadOnlySpan<SyntaxNode?> after)
    {
        int count = CountNonNull(before) + list.Length + CountNonNull(after);
        if (count == 0)
        {
            return [];
        }

        var result = new SyntaxNode[count];
        int i = CopyNonNull(before, result, 0);
        list.CopyTo(result.AsSpan(i));
        CopyNonNull(after, result, i + list.Length);
        return result;
    }

    private static int CountNonNull(ReadOnlySpan<SyntaxNode?> nodes)
    {
        int count = 0;
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                count++;
            }
        }

        return count;
    }

    private static int CopyNonNull(ReadOnlySpan<SyntaxNode?> nodes, SyntaxNode[] destination, int index)
    {
        foreach (var node in nodes)
        {
            if (node is not null)
            {
                destination[index++] = node;
            }
        }

        return index;
    }

    private protected SyntaxToken TokenAt(int index) => new(module!, index);

    private protected SyntaxToken? OptionalTokenAt(int index) => index < 0 ? null : new SyntaxToken(module!, index);

    private protected IReadOnlyList<SyntaxToken> TokensAt(int[] indices)
    {
        var result = new SyntaxToken[indices.Length];
        for (int i = 0; i < indices.Length; i++)
        {
            result[i] = new SyntaxToken(module!, indices[i]);
        }

        return result;
    }
}
