using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Inference;

public sealed class EnvironmentInferenceTests : IDisposable
{
    private readonly TempDirectory _repo = new("swelego-repo-");

    [Fact]
    public void Infer_SetupPyWithTestExtraAndRequirements_PytestSpec()
    {
        Write("setup.py", "from setuptools import setup\nsetup(name='lib', python_requires='>=3.9', install_requires=['attrs'], extras_require={'test': ['pytest'], 'docs': ['sphinx']})\n");
        Write("requirements-dev.txt", "-r requirements/base.txt\nblack\n");
        Write("requirements/base.txt", "attrs\nsix\n");
        Write("requirements/docs.txt", "sphinx\n");

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("pytest", spec.TestFramework);
        Assert.Equal("pytest -rA", spec.TestCommand);
        Assert.Equal("pytest", spec.LogParser);
        Assert.Equal("3.9", spec.PythonVersion);
        Assert.Equal(">=3.9", spec.RequiresPython);
        Assert.Equal(["attrs", "six", "black", "pytest"], spec.Requirements);
        Assert.Equal(
            ["python -m pip install -e .[test]", "python -m pip install -r requirements-dev.txt", "python -m pip install -r requirements/base.txt"],
            spec.InstallSteps);
        Assert.Equal(["requirements-dev.txt", "requirements/base.txt", "setup.py"], spec.Sources);
    }

    [Fact]
    public void Infer_Pep621Pyproject_DependenciesExtrasAndPytestOptions()
    {
        Write("pyproject.toml", """
            [build-system]
            requires = ["setuptools>=61"]
            build-backend = "setuptools.build_meta"

            [project]
            name = "modern"
            requires-python = ">=3.10"
            dependencies = ["httpx>=0.24", "rich"]

            [project.optional-dependencies]
            testing = ["pytest>=7", "pytest-mock"]
            docs = ["mkdocs"]

            [tool.pytest.ini_options]
            addopts = "-q"
            testpaths = ["tests"]
            """);

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("3.10", spec.PythonVersion);
        Assert.Equal(["httpx>=0.24", "rich", "pytest>=7", "pytest-mock"], spec.Requirements);
        Assert.Equal(["python -m pip install -e .[testing]"], spec.InstallSteps);
        Assert.Equal("pytest", spec.TestFramework);
        Assert.Empty(spec.Notes);
    }

    [Fact]
    public void Infer_BrokenPyproject_ErrorNamesFileLineAndColumn()
    {
        Write("pyproject.toml", "[project]\nname = \"x\"\ndependencies = [\"a\",\n");

        var error = Assert.Throws<EnvironmentInferenceException>(() => EnvironmentInference.Infer(_repo.Path));

        // The array is still open where the file ends: line 4, column 1 (after the last line break).
        Assert.Equal(Path.Combine(_repo.Path, "pyproject.toml") + ":4:1: Unexpected end-of-file while parsing array.", error.Message);
    }

    [Fact]
    public void Infer_NoPytestAnywhere_UnittestSpec()
    {
        Write("setup.cfg", "[metadata]\nname = plain\n[options]\ninstall_requires =\n    six\n");
        Write("tests/__init__.py", "");
        Write("tests/test_x.py", "import unittest\n");

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("unittest", spec.TestFramework);
        Assert.Equal("python -m unittest -v", spec.TestCommand);
        Assert.Equal(["python -m pip install -e ."], spec.InstallSteps);
    }

    [Fact]
    public void Infer_UnittestTestsOutsidePackages_PytestBecauseUnittestWouldFindNone()
    {
        // python -m unittest only descends into packages: tests/ without __init__.py holds 0 tests for it.
        Write("setup.cfg", "[metadata]\nname = plain\n");
        Write("tests/test_x.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n");

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("pytest", spec.TestFramework);
        Assert.Contains(spec.Notes, n => n.StartsWith("pytest chosen: unittest's discovery would find no test in tests (no __init__.py", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("def test_add():\n    assert 1 + 1 == 2\n")]
    [InlineData("import os\nimport pytest\n\nclass TestX:\n    pass\n")]
    public void Infer_TestModulesInPytestStyleWithoutConfiguration_PytestSpecWithNote(string module)
    {
        Write("setup.cfg", "[metadata]\nname = plain\n");
        Write("tests/test_x.py", "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n");
        Write("tests/unit/test_y.py", module);

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("pytest", spec.TestFramework);
        Assert.Equal("pytest -rA", spec.TestCommand);
        Assert.Contains(spec.Notes, n => n.StartsWith("pytest inferred from tests/unit/test_y.py", StringComparison.Ordinal));
    }

    [Fact]
    public void Infer_PythonVersionFileAndCiWorkflow_UsedAndNoted()
    {
        Write(".python-version", "3.11.7\n");
        Write("tox.ini", "[tox]\nenvlist = py311\n");
        Write(".github/workflows/ci.yml", "jobs:\n  test:\n    steps:\n      - run: python -m pytest -x tests\n");

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("3.11", spec.PythonVersion);
        Assert.Equal("pytest", spec.TestFramework);
        Assert.Contains(".github/workflows/ci.yml runs tests with: python -m pytest -x tests", spec.Notes);
        Assert.Empty(spec.InstallSteps);
    }

    [Fact]
    public void Infer_DjangoLayout_DjangoRunner()
    {
        Write("django/__init__.py", "");
        Write("tests/runtests.py", "#!/usr/bin/env python\n");
        Write("setup.py", "from setuptools import setup\nsetup(name='Django')\n");

        var spec = EnvironmentInference.Infer(_repo.Path);

        Assert.Equal("django", spec.TestFramework);
        Assert.Equal("./tests/runtests.py --verbosity 2 --settings=test_sqlite --parallel 1", spec.TestCommand);
        Assert.Equal("django_strict", spec.LogParser);
    }

    [Fact]
    public void Infer_BrokenConfigs_ErrorsNameFileAndLine()
    {
        Write("setup.py", "setup(name='x',\n");
        var setupError = Assert.Throws<EnvironmentInferenceException>(() => EnvironmentInference.Infer(_repo.Path));
        Assert.StartsWith(Path.Combine(_repo.Path, "setup.py") + ":", setupError.Message, StringComparison.Ordinal);

        File.Delete(_repo.Combine("setup.py"));
        Write("setup.cfg", "install_requires = six\n");
        var cfgError = Assert.Throws<EnvironmentInferenceException>(() => EnvironmentInference.Infer(_repo.Path));
        Assert.StartsWith(Path.Combine(_repo.Path, "setup.cfg") + ":1:", cfgError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infer_NotADirectory_ClearError()
    {
        var error = Assert.Throws<EnvironmentInferenceException>(() => EnvironmentInference.Infer(_repo.Combine("missing")));
        Assert.EndsWith("missing: not a directory.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContentHash_ChangesWithRequirementsOnly()
    {
        var a = new EnvironmentSpec { TestFramework = "pytest", TestCommand = "pytest -rA", LogParser = "pytest", Requirements = ["six"] };
        Assert.Equal(a.ContentHash, (a with { Notes = ["different note"] }).ContentHash);
        Assert.NotEqual(a.ContentHash, (a with { Requirements = ["six", "attrs"] }).ContentHash);
    }

    private void Write(string relative, string text)
    {
        string path = _repo.Combine(relative.Split('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => _repo.Dispose();
}
