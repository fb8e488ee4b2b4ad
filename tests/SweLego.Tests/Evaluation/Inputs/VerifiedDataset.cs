namespace SweLego.Tests.Evaluation.Inputs;

/// <summary>Rows in SWE-bench Verified's shape (the Hub's 13 string columns; test lists as JSON-encoded strings), for Parquet.Net to write.</summary>
internal static class VerifiedDataset
{
    public static Verified Row(string id, string? failToPass, string? passToPass) => new()
    {
        repo = id[..id.IndexOf("__", StringComparison.Ordinal)] + "/" + id[(id.IndexOf("__", StringComparison.Ordinal) + 2)..id.LastIndexOf('-')],
        instance_id = id,
        base_commit = "419a78300f7cd27611196e1e464d50fd0385ff27",
        patch = "diff --git a/f.py b/f.py\r\n--- a/f.py\r\n+++ b/f.py\r\n@@ -1 +1 @@\r\n-a\r\n+b\r\n",
        test_patch = "diff --git a/tests/t.py b/tests/t.py\n",
        problem_statement = "Username validator allows trailing newline — ünïcode",
        hints_text = "",
        created_at = "2019-03-20T03:46:18Z",
        version = "3.0",
        FAIL_TO_PASS = failToPass,
        PASS_TO_PASS = passToPass,
        environment_setup_commit = "e7fd69d051eaa67cb17f172a39b57253e9cb831a",
        difficulty = "<15 min fix",
    };

#pragma warning disable IDE1006, CA1707 // Property names are the Hub's column names.
    public sealed class Verified
    {
        public string? repo { get; set; }
        public string? instance_id { get; set; }
        public string? base_commit { get; set; }
        public string? patch { get; set; }
        public string? test_patch { get; set; }
        public string? problem_statement { get; set; }
        public string? hints_text { get; set; }
        public string? created_at { get; set; }
        public string? version { get; set; }
        public string? FAIL_TO_PASS { get; set; }
        public string? PASS_TO_PASS { get; set; }
        public string? environment_setup_commit { get; set; }
        public string? difficulty { get; set; }
    }
#pragma warning restore IDE1006, CA1707
}
