using SweLego.Environments.Toml;
using Tomlyn;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderPyprojectTests
{
    private static readonly TomlDocument Document = TomlReader.Parse(TomlSamples.Pyproject, "pyproject.toml");

    [Fact]
    public void Parse_Pyproject_ReadsProjectMetadata()
    {
        Assert.Equal("pyproject.toml", Document.Path);
        Assert.Equal("widgetry", Document.GetString("project", "name"));
        Assert.Equal("Widgets for \"real\" work", Document.GetString("project", "description"));
        Assert.Equal(">=3.9", Document.GetString("project", "requires-python"));
        Assert.Equal("MIT", Document.GetString("project", "license", "text"));
        Assert.Equal(["version"], Document.GetStringArray("project", "dynamic"));
        Assert.Equal("https://example.org/widgetry/issues", Document.GetString("project", "urls", "Bug Tracker"));
        Assert.Equal("widgetry.__main__:main", Document.GetString("project", "scripts", "widgetry"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsDependenciesAndExtras()
    {
        Assert.Equal(["attrs>=22.2", "packaging", "tomli>=1.1.0; python_version < \"3.11\""], Document.GetStringArray("project", "dependencies"));
        Assert.Equal(["test", "dev"], Document.GetTable("project", "optional-dependencies")!.Keys);
        Assert.Equal(["pytest>=7.0", "pytest-cov", "hypothesis"], Document.GetStringArray("project", "optional-dependencies", "test"));
        Assert.Equal(["widgetry[test]", "ruff==0.4.4"], Document.GetStringArray("project", "optional-dependencies", "dev"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsAuthorsAsArrayOfInlineTables()
    {
        var authors = Document.GetTableArray("project", "authors");
        Assert.NotNull(authors);
        Assert.Equal(2, authors.Count);
        Assert.Equal("ada@example.org", authors[0]["email"]);
        Assert.False(authors[1].ContainsKey("email"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsBuildSystem()
    {
        Assert.Equal(["setuptools>=64", "setuptools-scm[toml]>=8", "wheel"], Document.GetStringArray("build-system", "requires"));
        Assert.Equal("setuptools.build_meta", Document.GetString("build-system", "build-backend"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsPytestIniOptions()
    {
        var pytest = new TomlDocument(Document.GetTable("tool", "pytest", "ini_options")!, Document.Path);
        Assert.Equal("-ra -q --strict-markers", pytest.GetString("addopts"));
        Assert.Equal(["tests", "integration"], pytest.GetStringArray("testpaths"));
        Assert.Equal(["error", "ignore:.*deprecated.*:DeprecationWarning"], pytest.GetStringArray("filterwarnings"));
        Assert.Equal("slow: marks tests as slow\nnetwork: needs network access", pytest.GetString("markers"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsSetuptoolsAndOtherTools()
    {
        Assert.Equal(["src"], Document.GetStringArray("tool", "setuptools", "packages", "find", "where"));
        Assert.Equal(["tests*"], Document.GetStringArray("tool", "setuptools", "packages", "find", "exclude"));
        Assert.Equal("src", Document.GetString("tool", "setuptools", "package-dir", ""));
        Assert.Equal(false, Document.Get("tool", "setuptools", "zip-safe"));
        Assert.Equal(92.5, Document.Get("tool", "coverage", "report", "fail_under"));
        Assert.Equal(100L, Document.Get("tool", "ruff", "line-length"));
        Assert.Empty(Document.GetStringArray("tool", "ruff", "lint", "ignore")!);
        Assert.Equal(["S101"], Document.GetStringArray("tool", "ruff", "lint", "per-file-ignores", "tests/*"));
        Assert.Equal("[tox]\nenvlist = py39, py312\n", Document.GetString("tool", "tox", "legacy_tox_ini"));
    }

    [Fact]
    public void Parse_Pyproject_ReadsArrayOfTables()
    {
        var overrides = Document.GetTableArray("tool", "mypy", "overrides");
        Assert.NotNull(overrides);
        Assert.Equal(2, overrides.Count);
        Assert.Equal("hypothesis.*", overrides[0]["module"]);
        Assert.Equal(true, overrides[0]["ignore_missing_imports"]);
        Assert.Equal(["attr.*", "packaging.*"], new TomlDocument(overrides[1], Document.Path).GetStringArray("module"));
    }

    [Fact]
    public void Parse_PyprojectWithCrLfLineEndings_ReadsSameDocument()
    {
        var crlf = TomlReader.Parse(TomlSamples.Pyproject.ReplaceLineEndings("\r\n"));

        // Multi-line strings keep the file's line breaks, as the TOML specification allows.
        Assert.Equal("slow: marks tests as slow\r\nnetwork: needs network access", crlf.GetString("tool", "pytest", "ini_options", "markers"));
        Assert.Equal(Canonical(Document), Canonical(crlf).Replace("\\r\\n", "\\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_PyprojectWithByteOrderMark_IgnoresIt()
    {
        var withBom = TomlReader.Parse("\uFEFF" + TomlSamples.Pyproject);

        Assert.Equal(Canonical(Document), Canonical(withBom));
    }

    [Fact]
    public void Get_MissingOrMistypedKeys_ReturnNull()
    {
        Assert.Null(Document.GetString("project", "missing"));
        Assert.Null(Document.GetString("project", "dependencies"));
        Assert.Null(Document.GetTable("project", "name", "deeper"));
        Assert.Null(Document.GetStringArray("project", "authors"));
        Assert.Null(Document.GetTableArray("project", "name"));
    }

    [Fact]
    public void ParseFile_RealFile_RecordsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"swelego-toml-{Guid.NewGuid():N}.toml");
        File.WriteAllText(path, TomlSamples.Pyproject);
        try
        {
            var document = TomlReader.ParseFile(path);

            Assert.Equal(path, document.Path);
            Assert.Equal(Canonical(Document), Canonical(document));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The document written back by Tomlyn: equal text means equal content.</summary>
    private static string Canonical(TomlDocument document) => TomlSerializer.Serialize(document.Root);
}
