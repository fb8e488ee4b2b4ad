using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Inference;

public sealed class ConfigFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void IniFile_SetupCfg_ReadsMultiLineListsAndSections()
    {
        File.WriteAllText(_folder.Combine("setup.cfg"), """
            [metadata]
            name = samplelib

            [options]
            python_requires = >=3.8
            install_requires =
                requests>=2.0  # http
                click; python_version >= "3.8"
            # a comment line
            [options.extras_require]
            test = pytest; pytest-cov
            [tool:pytest]
            addopts: -q --strict-markers
            """.ReplaceLineEndings("\n"));

        var ini = IniFile.Read(_folder.Combine("setup.cfg"));

        Assert.Equal(">=3.8", ini.Get("options", "python_requires"));
        Assert.Equal(["requests>=2.0", "click; python_version >= \"3.8\""], ini.GetList("options", "install_requires"));
        Assert.Equal(["pytest", "pytest-cov"], ini.GetList("options.extras_require", "test"));
        Assert.Equal("-q --strict-markers", ini.Get("tool:pytest", "ADDOPTS"));
    }

    [Fact]
    public void IniFile_KeyOutsideSection_ErrorNamesLine()
    {
        var error = Assert.Throws<EnvironmentInferenceException>(() => IniFile.Parse("# top\nkey = value\n", "tox.ini"));
        Assert.Equal("tox.ini:2: expected '[section]' or 'key = value', found 'key = value'.", error.Message);
    }

    [Fact]
    public void RequirementsFile_IncludesCommentsContinuationsAndOptions_ReadInOrder()
    {
        Directory.CreateDirectory(_folder.Combine("requirements"));
        File.WriteAllText(_folder.Combine("requirements", "base.txt"), "six==1.16.0\n-r test.txt\n");
        File.WriteAllText(_folder.Combine("requirements", "test.txt"), "pytest>=7 \\\n  ; python_version >= '3.7'\n-r base.txt\n");
        File.WriteAllText(_folder.Combine("requirements-dev.txt"), "# dev\n-e .\n--index-url https://example.invalid/simple\n-r requirements/base.txt\nblack  # formatter\n");

        var content = RequirementsFile.Read(_folder.Combine("requirements-dev.txt"));

        Assert.Equal(["six==1.16.0", "pytest>=7   ; python_version >= '3.7'", "black"], content.Requirements);
        Assert.Equal(["-e .", "--index-url https://example.invalid/simple"], content.Options);
        Assert.Equal(3, content.Files.Count);
    }

    [Fact]
    public void RequirementsFile_MissingInclude_ErrorNamesFile()
    {
        File.WriteAllText(_folder.Combine("requirements.txt"), "-r missing.txt\n");
        var error = Assert.Throws<EnvironmentInferenceException>(() => RequirementsFile.Read(_folder.Combine("requirements.txt")));
        Assert.Equal($"{_folder.Combine("missing.txt")}: requirements file not found.", error.Message);
    }

    public void Dispose() => _folder.Dispose();
}
