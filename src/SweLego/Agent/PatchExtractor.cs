using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Agent;

/// <summary>
/// Takes the agent's result patch from its workspace, inside the sandbox (spec §2, as OpenHands' SWE-bench
/// run does it): nested <c>.git</c> folders removed, <c>git add -A</c>, staged binaries removed with
/// <c>git rm -f</c>, <c>git diff --no-color --cached BASE</c> into a file (never through the 30,000-character
/// observation limit), then binary diffs dropped, CRLF normalized, anything before the first
/// <c>diff --git</c> dropped, trailing whitespace stripped and one newline added; a blank patch is empty.
/// </summary>
/// <remarks>
/// One deliberate difference: the released code also unstages files <c>file(1)</c> calls "executable",
/// which includes every text script with a shebang line, so an edit to a repository's own script became
/// a deletion in the patch. Here only binary files (git's attribute, or a NUL byte as <c>grep -I</c> sees
/// it) are removed. Git runs with hooks, pager, external diff and textconv switched off, whatever the
/// workspace's config says.
/// </remarks>
public static class PatchExtractor
{
    /// <summary>Where the diff is written, workspace-relative (inside .git: never part of the patch).</summary>
    public const string DiffFile = ".git/swelego-result.diff";

    private static readonly ExecOptions Limit = new() { Timeout = TimeSpan.FromMinutes(5) };

    /// <exception cref="SandboxException">A git step failed (the message has its output).</exception>
    public static async Task<string> ExtractAsync(ISandboxSession session, string workdir, string baseCommit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string git = "git -c core.hooksPath=/dev/null -c core.pager= -c diff.external= -c core.quotePath=false";
        string script = $$"""
            ( cd {{BashQuoting.Quote(workdir)}} || exit 90
            find . -mindepth 2 -name .git -prune -exec rm -rf {} + || exit 91
            {{git}} add -A || exit 92
            {{git}} diff --cached --name-only -z --diff-filter=AM | while IFS= read -r -d '' f; do
              if [ -f "$f" ] && { [ -s "$f" ] && ! grep -qI . "$f" || {{git}} check-attr binary -- "$f" | grep -q 'binary: set'; }; then
                {{git}} rm -q -f -- "$f" >/dev/null 2>&1 || rm -f -- "$f"
              fi
            done
            {{git}} diff --no-color --no-ext-diff --no-textconv --cached {{BashQuoting.Quote(baseCommit)}} > {{DiffFile}} || exit 93 )
            """;
        var result = await session.ExecAsync(script, Limit, cancellationToken);
        if (result.ExitCode != 0)
            throw new SandboxException($"taking the patch failed (exit {result.ExitCode}{(result.TimedOut ? ", timed out" : "")}): {result.Output.Trim()}");
        byte[] diff = await session.ReadFileAsync($"{workdir.TrimEnd('/')}/{DiffFile}", cancellationToken);
        return Clean(Encoding.UTF8.GetString(diff));
    }

    /// <summary>The text steps after git: binary diffs out, CRLF → LF, from the first <c>diff --git</c>, one final newline.</summary>
    public static string Clean(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var kept = new StringBuilder();
        var block = new StringBuilder();
        bool binary = false;
        foreach (string line in diff.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                if (!binary) kept.Append(block);
                (block, binary) = (new StringBuilder(), false);
            }
            else if (line.Contains("Binary files", StringComparison.Ordinal) || line == "GIT binary patch") binary = true;

            block.Append(line).Append('\n');
        }

        if (!binary) kept.Append(block);
        string text = kept.ToString();
        int start = text.StartsWith("diff --git ", StringComparison.Ordinal) ? 0
            : text.IndexOf("\ndiff --git ", StringComparison.Ordinal) is var at and >= 0 ? at + 1 : -1;
        if (start < 0) return "";
        text = text[start..].TrimEnd();
        return text.Length == 0 ? "" : text + "\n";
    }
}
