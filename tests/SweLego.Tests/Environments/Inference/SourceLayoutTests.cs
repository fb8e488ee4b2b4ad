using SweLego.Environments;
using SweLego.Environments.Inference;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Inference;

/// <summary>The source install's plan, found statically from each layout's configuration (nothing is run).</summary>
public sealed class SourceLayoutTests : IDisposable
{
    private readonly TempDirectory _folder = new("swelego-layout-");

    public static TheoryData<string> Layouts => [.. ProjectLayout.All.Select(l => l.Name)];

    private SourceInstall Plan(ProjectLayout layout)
    {
        foreach (var (file, content) in layout.Files)
        {
            string path = _folder.Combine(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        return EnvironmentInference.Infer(_folder.Path).SourceInstall!;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Plan_PutsTheLayoutsImportRootsOnThePath(string name)
    {
        var layout = ProjectLayout.All.Single(l => l.Name == name);
        if (layout.PathEntries.Count == 0) return;
        Assert.Equal(layout.PathEntries, Plan(layout).PathEntries);
    }

    [Fact]
    public void Flit_VersionFromTheModuleAndConsoleScripts()
    {
        var plan = Plan(ProjectLayout.Flit);
        Assert.Equal("flitpkg", plan.Distribution);
        Assert.Equal("1.2.3", plan.Version);
        Assert.Equal("flit_core.buildapi", plan.BuildBackend);
        Assert.Equal("flitpkg:main", plan.Scripts["flitpkg-double"]);
        Assert.Null(plan.NeedsCompiler);
    }

    [Fact]
    public void FlitScm_VersionFileBecomesAGeneratedModuleOutsideTheCheckout()
    {
        var plan = Plan(ProjectLayout.FlitScm);
        var generated = Assert.Single(plan.GeneratedModules);
        Assert.Equal("scmpkg._version", generated.Key);
        Assert.Contains("__version__ = version = '0+unknown'", generated.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void FlitScm_CommittedVersionFileIsNotGenerated()
    {
        var layout = ProjectLayout.FlitScm with
        {
            Files = new Dictionary<string, string>(ProjectLayout.FlitScm.Files) { ["src/scmpkg/_version.py"] = "version = '9'\n" },
        };
        Assert.Empty(Plan(layout).GeneratedModules);
    }

    [Fact]
    public void Hatch_VersionPathAndRenamedSources()
    {
        var plan = Plan(ProjectLayout.Hatch);
        Assert.Equal("0.4.0", plan.Version);
        Assert.Equal(new Dictionary<string, string> { ["hatchextra"] = "lib/renamed" }, plan.Packages);
    }

    [Fact]
    public void Pep639_StaticVersion()
    {
        Assert.Equal("2.0.1", Plan(ProjectLayout.Pep639).Version);
    }

    [Fact]
    public void SetupPy_PackageDirAndFindPackagesWhere()
    {
        var plan = Plan(ProjectLayout.SetupPyOnly);
        Assert.Equal("legacy", plan.Distribution);
        Assert.Equal("0.9", plan.Version);
    }

    [Fact]
    public void SetupCfg_PackageDirFindAndAttrVersion()
    {
        File.WriteAllText(_folder.Combine("setup.cfg"),
            "[metadata]\nname = cfgpkg\nversion = attr: cfgpkg.__version__\n\n[options]\npackage_dir =\n    =source\npackages = find:\n\n" +
            "[options.packages.find]\nwhere = source\n\n[options.entry_points]\nconsole_scripts =\n    cfg-tool = cfgpkg.cli:run\n");
        Directory.CreateDirectory(_folder.Combine("source", "cfgpkg"));
        File.WriteAllText(_folder.Combine("source", "cfgpkg", "__init__.py"), "__version__ = '5.6'\n");

        var plan = EnvironmentInference.Infer(_folder.Path).SourceInstall!;

        Assert.Equal(["source"], plan.PathEntries);
        Assert.Equal("5.6", plan.Version);
        Assert.Equal("cfgpkg.cli:run", plan.Scripts["cfg-tool"]);
    }

    [Fact]
    public void CExtension_NeedsACompilerNamingTheLine()
    {
        Assert.Equal("setup.py:6: ext_modules", Plan(ProjectLayout.CExtension).NeedsCompiler);
    }

    [Fact]
    public void SetupPyExtensions_DoNotCountForAnotherBackendOrWhenEmpty()
    {
        // tomli's layout: flit builds it; setup.py only serves an optional mypyc build.
        File.WriteAllText(_folder.Combine("pyproject.toml"), "[build-system]\nrequires = [\"flit_core\"]\nbuild-backend = \"flit_core.buildapi\"\n\n[project]\nname = \"x\"\n");
        File.WriteAllText(_folder.Combine("setup.py"), "from setuptools import setup\nsetup(ext_modules=build_them())\n");
        Assert.Null(EnvironmentInference.Infer(_folder.Path).SourceInstall!.NeedsCompiler);

        File.Delete(_folder.Combine("pyproject.toml"));
        File.WriteAllText(_folder.Combine("setup.py"), "from setuptools import setup\nEXTENSIONS = []\nsetup(name='x', ext_modules=EXTENSIONS)\n");
        Assert.Null(EnvironmentInference.Infer(_folder.Path).SourceInstall!.NeedsCompiler);
    }

    [Theory]
    [InlineData("maturin", "maturin")]
    [InlineData("scikit_build_core.build", "scikit_build_core")]
    [InlineData("mesonpy", "mesonpy")]
    public void CompilingBackends_NeedACompiler(string backend, string named)
    {
        File.WriteAllText(_folder.Combine("pyproject.toml"), $"[build-system]\nrequires = []\nbuild-backend = \"{backend}\"\n\n[project]\nname = \"x\"\n");
        Assert.Contains(named, EnvironmentInference.Infer(_folder.Path).SourceInstall!.NeedsCompiler, StringComparison.Ordinal);
    }

    [Fact]
    public void NoProject_NoSourceInstall()
    {
        File.WriteAllText(_folder.Combine("requirements.txt"), "pytest\n");
        Assert.Null(EnvironmentInference.Infer(_folder.Path).SourceInstall);
    }

    [Fact]
    public void ChangingTheLayout_ChangesTheSpecHash()
    {
        var before = EnvironmentInference.Infer(Write(ProjectLayout.Pep639));
        File.WriteAllText(_folder.Combine("pyproject.toml"), ProjectLayout.Pep639.Files["pyproject.toml"] + "\n[tool.setuptools]\npackage-dir = { \"\" = \"src\" }\n");
        Assert.NotEqual(before.ContentHash, EnvironmentInference.Infer(_folder.Path).ContentHash);
    }

    private string Write(ProjectLayout layout)
    {
        Plan(layout);
        return _folder.Path;
    }

    public void Dispose() => _folder.Dispose();
}
