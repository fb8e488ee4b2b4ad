using SweLego.Tasks.Harness;
using SweLego.Tasks.Harness.Specs;

namespace SweLego.Tests.Tasks.Harness;

public sealed class SpecsAndEvalScriptTests
{
    private const string TestPatch =
        "diff --git a/tests/auth/test_views.py b/tests/auth/test_views.py\n--- a/tests/auth/test_views.py\n+++ b/tests/auth/test_views.py\n@@ -1 +1 @@\n-x\n+y\n"
        + "diff --git a/tests/auth/new_test.py b/tests/auth/new_test.py\nnew file mode 100644\n--- /dev/null\n+++ b/tests/auth/new_test.py\n@@ -0,0 +1 @@\n+z\n"
        + "diff --git a/tests/data/fixture.json b/tests/data/fixture.json\n--- a/tests/data/fixture.json\n+++ b/tests/data/fixture.json\n@@ -1 +1 @@\n-{}\n+[]\n";

    [Fact]
    public void Specs_KnowTheHarnessTables()
    {
        Assert.Equal(18, SweBenchSpecs.Repositories.Count);
        var django = SweBenchSpecs.Get("django/django", "3.0");
        Assert.Equal("./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1", django.TestCommand);
        Assert.Equal("django", django.LogParser);
        Assert.Contains("export LANG=en_US.UTF-8", django.EvalCommands);
        Assert.Equal("./tests/runtests.py --verbosity 2", SweBenchSpecs.Get("django/django", "1.9").TestCommand);
        Assert.StartsWith("PYTHONWARNINGS=", SweBenchSpecs.Get("sympy/sympy", "1.1").TestCommand, StringComparison.Ordinal);
        Assert.Equal("pytest_v2", SweBenchSpecs.Get("sphinx-doc/sphinx", "3.5").LogParser);
        Assert.StartsWith("tox --current-env", SweBenchSpecs.Get("sphinx-doc/sphinx", "3.5").TestCommand, StringComparison.Ordinal);
        Assert.Equal("pytest_options", SweBenchSpecs.LogParser("psf/requests"));
        Assert.False(SweBenchSpecs.TryGet("django/django", "9.9", out _));
        Assert.Contains("known versions", Assert.Throws<ArgumentException>(() => SweBenchSpecs.Get("django/django", "9.9")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TestDirectives_DropNonTestFiles_DjangoGetsDottedModules()
    {
        Assert.Equal(["tests/auth/test_views.py", "tests/auth/new_test.py"], SweBenchSpecs.TestDirectives("pytest-dev/pytest", TestPatch));
        Assert.Equal(["auth.test_views", "auth.new_test"], SweBenchSpecs.TestDirectives("django/django", TestPatch));
        Assert.Equal(["tests/auth/test_views.py", "tests/data/fixture.json"], SweBenchSpecs.TestFiles(TestPatch));
    }

    [Fact]
    public void EvalScript_FollowsTheHarnessOrder_5_0_2RecordsTheExitStatus()
    {
        var request = new EvalScriptRequest("/testbed", ["source /venv/bin/activate"], ["export LANG=en_US.UTF-8"], "abc123", TestPatch.TrimEnd('\n'),
            "./tests/runtests.py --verbosity 2", ["auth.test_views"], HarnessVersion.V5_0_2);
        var script = EvalScript.Build(request);
        var lines = script.Split('\n');
        Assert.Equal(["#!/bin/bash", "set -uxo pipefail", "source /venv/bin/activate", "cd '/testbed'", "export LANG=en_US.UTF-8"], lines[..5]);
        var order = new[]
        {
            "git checkout 'abc123' 'tests/auth/test_views.py' 'tests/data/fixture.json'", "git apply -v - <<'EOF_114329324912'",
            ": '>>>>> Start Test Output'", "./tests/runtests.py --verbosity 2 'auth.test_views'", "SWEBENCH_TEST_EXIT_CODE=$?",
            ": '>>>>> End Test Output'", "echo \">>>>> Test Exit Code: $SWEBENCH_TEST_EXIT_CODE\"",
        }.Select(l => Array.IndexOf(lines, l)).ToArray();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        Assert.Equal("git checkout 'abc123' 'tests/auth/test_views.py' 'tests/data/fixture.json'", lines[^2]);
        Assert.DoesNotContain("SWEBENCH_TEST_EXIT_CODE", EvalScript.Build(request with { Version = HarnessVersion.V4_0_4 }), StringComparison.Ordinal);
    }

    [Fact]
    public void HarnessVersion_ParsesKnownReleasesAndListsThemOnError()
    {
        Assert.Equal(HarnessVersion.V4_0_4, HarnessVersions.Parse("4.0.1"));
        Assert.Equal(HarnessVersion.V5_0_2, HarnessVersions.Parse("v5.0.2"));
        var error = Assert.Throws<ArgumentException>(() => HarnessVersions.Parse("4.1.0"));
        Assert.Contains("known versions: 4.0.1, 4.0.4, 5.0.0, 5.0.1, 5.0.2", error.Message, StringComparison.Ordinal);
    }
}
