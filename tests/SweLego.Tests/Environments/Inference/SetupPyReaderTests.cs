using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Inference;

public sealed class SetupPyReaderTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void Read_TypicalSetupPy_ReadsLiteralsNamesAndConcatenations()
    {
        string path = Write("""
            import os
            from setuptools import setup, find_packages

            BASE = ["requests>=2.0", 'click']
            TESTS = BASE + ["pytest>=7", "pytest-cov"]

            def read(name):
                return open(os.path.join(os.path.dirname(__file__), name)).read()

            setup(
                name="samplelib",
                version=read("VERSION"),
                packages=find_packages(exclude=("tests",)),
                python_requires=">=3.8",
                install_requires=BASE,
                tests_require=TESTS,
                extras_require={"dev": ["black", "mypy"], "docs": ("sphinx",)},
            )
            """);

        var metadata = SetupPyReader.Read(path);

        Assert.Equal("samplelib", metadata.Name);
        Assert.Equal(">=3.8", metadata.PythonRequires);
        Assert.Equal(["requests>=2.0", "click"], metadata.InstallRequires);
        Assert.Equal(["requests>=2.0", "click", "pytest>=7", "pytest-cov"], metadata.TestsRequire);
        Assert.Equal(["black", "mypy"], metadata.ExtrasRequire["dev"]);
        Assert.Equal(["sphinx"], metadata.ExtrasRequire["docs"]);
        Assert.Equal(["version"], metadata.Unresolved);
        Assert.Equal(".", metadata.FindWhere);
    }

    [Fact]
    public void Read_SetuptoolsAttributeCallAndKwargs_ReportsUnpackedAsUnresolved()
    {
        string path = Write("""
            import setuptools
            extra = dict(zip_safe=False)
            setuptools.setup(name='x', install_requires=['six'], **extra)
            """);

        var metadata = SetupPyReader.Read(path);

        Assert.Equal("x", metadata.Name);
        Assert.Equal(["six"], metadata.InstallRequires);
        Assert.Equal(["**extra"], metadata.Unresolved);
    }

    [Fact]
    public void Read_SyntaxError_NamesFileAndLine()
    {
        string path = Write("from setuptools import setup\nsetup(name='x',\n    install_requires=['a'\n");

        var error = Assert.Throws<EnvironmentInferenceException>(() => SetupPyReader.Read(path));

        Assert.StartsWith($"{path}:", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot read setup.py statically", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoSetupCall_ClearError()
    {
        string path = Write("print('not a setup script')\n");

        var error = Assert.Throws<EnvironmentInferenceException>(() => SetupPyReader.Read(path));

        Assert.Equal($"{path}: no setup(...) call found.", error.Message);
    }

    private string Write(string text)
    {
        string path = _folder.Combine("setup.py");
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
