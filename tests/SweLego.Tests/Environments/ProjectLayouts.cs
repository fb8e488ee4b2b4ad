using SweLego.Tests.Tasks.Git;

namespace SweLego.Tests.Environments;

/// <summary>
/// Small real projects in the layouts users have, each a git repository with passing tests that
/// use only the standard library: what the build backends declare (flit, flit_scm, hatchling,
/// setuptools with a PEP 639 license string, pdm, poetry) is not installed here, so offline they
/// build only by the source install; two build with pip; two cannot work (a C extension, and a
/// missing compiled dependency).
/// </summary>
public sealed record ProjectLayout(string Name, IReadOnlyDictionary<string, string> Files)
{
    /// <summary>"pip", "source", or null when the build must fail.</summary>
    public string? Install { get; init; }

    /// <summary>The source install's sys.path entries (relative).</summary>
    public IReadOnlyList<string> PathEntries { get; init; } = [];

    /// <summary>Tests the suite has (all pass once installed).</summary>
    public int Tests { get; init; }

    /// <summary>What the failure (build or collection) must say.</summary>
    public string? Failure { get; init; }

    public override string ToString() => Name;

    public async Task<string> CreateAsync(string parent)
    {
        var repo = await GitTestRepository.InitAsync(Path.Combine(parent, Name));
        foreach (var (file, content) in Files) repo.Write(file, content);
        await repo.GitAsync("add", "--all");
        await repo.GitAsync("commit", "--quiet", "-m", "Initial layout");
        return repo.Path;
    }

    private const string Double = "def double(x):\n    return 2 * x\n";

    /// <summary>A test module importing <paramref name="module"/>; with a version, importlib.metadata must report it.</summary>
    private static string Tests2(string module, string? version) =>
        $"import importlib.metadata\nfrom {module} import double\n\n\ndef test_double():\n    assert double(2) == 4\n\n\n" +
        $"def test_metadata():\n    assert importlib.metadata.version({Quote(DistributionOf(module))}) == {Quote(version ?? "0+unknown")}\n";

    private static string DistributionOf(string module) => module.Split('.')[0];

    private static string Quote(string text) => $"'{text}'";

    public static readonly ProjectLayout Flit = new("flit", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"flit_core >=3.9,<4\"]\nbuild-backend = \"flit_core.buildapi\"\n\n" +
            "[project]\nname = \"flitpkg\"\ndynamic = [\"version\", \"description\"]\nrequires-python = \">=3.8\"\n\n" +
            "[project.optional-dependencies]\ntest = [\"pytest\"]\n\n[project.scripts]\nflitpkg-double = \"flitpkg:main\"\n",
        ["flitpkg/__init__.py"] = "\"\"\"A flit package.\"\"\"\n__version__ = \"1.2.3\"\n\n" + Double + "\n\ndef main():\n    print(double(21))\n",
        ["tests/test_flitpkg.py"] = Tests2("flitpkg", "1.2.3") +
            "\n\ndef test_console_script():\n    import subprocess\n    assert subprocess.run(['flitpkg-double'], capture_output=True, text=True).stdout == '42\\n'\n",
    })
    { Install = "source", PathEntries = ["."], Tests = 3 };

    public static readonly ProjectLayout FlitScm = new("flit-scm", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"flit_scm\"]\nbuild-backend = \"flit_scm:buildapi\"\n\n" +
            "[project]\nname = \"scmpkg\"\ndynamic = [\"version\"]\n\n[tool.flit.module]\nname = \"scmpkg\"\n\n" +
            "[tool.setuptools_scm]\nwrite_to = \"src/scmpkg/_version.py\"\n\n[tool.pytest.ini_options]\ntestpaths = [\"tests\"]\n",
        [".gitignore"] = "src/scmpkg/_version.py\n",
        ["src/scmpkg/__init__.py"] = "from ._version import version as __version__\n\n" + Double,
        ["tests/test_scmpkg.py"] = Tests2("scmpkg", null) + "\n\ndef test_generated_version():\n    import scmpkg\n    assert scmpkg.__version__ == '0+unknown'\n",
    })
    { Install = "source", PathEntries = ["src"], Tests = 3 };

    public static readonly ProjectLayout Hatch = new("hatch", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"hatchling\"]\nbuild-backend = \"hatchling.build\"\n\n" +
            "[project]\nname = \"hatchpkg\"\ndynamic = [\"version\"]\nlicense = \"MIT\"\n\n" +
            "[tool.hatch.version]\npath = \"src/hatchpkg/__about__.py\"\n\n" +
            "[tool.hatch.build.targets.wheel]\npackages = [\"src/hatchpkg\"]\n\n" +
            "[tool.hatch.build.targets.wheel.sources]\n\"lib/renamed\" = \"hatchextra\"\n",
        ["src/hatchpkg/__about__.py"] = "__version__ = \"0.4.0\"\n",
        ["src/hatchpkg/__init__.py"] = Double,
        ["lib/renamed/__init__.py"] = "NAME = 'served from lib/renamed'\n",
        ["tests/test_hatchpkg.py"] = Tests2("hatchpkg", "0.4.0") + "\n\ndef test_renamed_source():\n    import hatchextra\n    assert hatchextra.NAME == 'served from lib/renamed'\n",
    })
    { Install = "source", PathEntries = ["src"], Tests = 3 };

    public static readonly ProjectLayout Pep639 = new("setuptools-pep639", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"setuptools>=77\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"licensed\"\nversion = \"2.0.1\"\nlicense = \"MIT\"\nlicense-files = [\"LICENSE\"]\n",
        ["LICENSE"] = "MIT License\n",
        ["licensed/__init__.py"] = Double,
        ["tests/test_licensed.py"] = Tests2("licensed", "2.0.1"),
    })
    { Install = "source", PathEntries = ["."], Tests = 2 };

    public static readonly ProjectLayout SrcLayout = new("setuptools-src", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"srcpkg\"\nversion = \"3.1.0\"\n\n[tool.setuptools.packages.find]\nwhere = [\"src\"]\n",
        ["src/srcpkg/__init__.py"] = Double,
        ["tests/test_srcpkg.py"] = Tests2("srcpkg", "3.1.0"),
    })
    { Install = "pip", PathEntries = ["src"], Tests = 2 };

    public static readonly ProjectLayout Namespace = new("pdm-namespace", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"pdm-backend\"]\nbuild-backend = \"pdm.backend\"\n\n" +
            "[project]\nname = \"acme-tools\"\nversion = \"1.0.0\"\n\n[tool.pdm.build]\npackage-dir = \"src\"\n",
        ["src/acme/widgets/__init__.py"] = Double,
        ["src/acme/gadgets/__init__.py"] = "from acme.widgets import double\n\n\ndef quadruple(x):\n    return double(double(x))\n",
        ["tests/test_acme.py"] = "from acme.gadgets import quadruple\nfrom acme.widgets import double\n\n\n" +
            "def test_double():\n    assert double(3) == 6\n\n\ndef test_namespace_sibling():\n    assert quadruple(1) == 4\n",
    })
    { Install = "source", PathEntries = ["src"], Tests = 2 };

    public static readonly ProjectLayout SetupPyOnly = new("setup-py-only", new Dictionary<string, string>
    {
        ["setup.py"] =
            "from setuptools import find_packages, setup\n\nsetup(\n    name='legacy',\n    version='0.9',\n" +
            "    package_dir={'': 'lib'},\n    packages=find_packages('lib'),\n    py_modules=['legacy_single'],\n)\n",
        ["lib/legacy/__init__.py"] = Double,
        ["lib/legacy_single.py"] = "TRIPLE = 3\n",
        ["tests/test_legacy.py"] = Tests2("legacy", "0.9") + "\n\ndef test_single_module():\n    import legacy_single\n    assert legacy_single.TRIPLE == 3\n",
    })
    { Install = "pip", PathEntries = ["lib"], Tests = 3 };

    public static readonly ProjectLayout TestsInPackage = new("poetry-tests-in-package", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"poetry-core>=1.0\"]\nbuild-backend = \"poetry.core.masonry.api\"\n\n" +
            "[tool.poetry]\nname = \"inpkg\"\nversion = \"0.2.0\"\ndescription = \"\"\nauthors = []\n" +
            "packages = [{ include = \"inpkg\" }]\n\n[tool.poetry.dependencies]\npython = \">=3.8\"\n\n" +
            "[tool.poetry.group.dev.dependencies]\npytest = \"*\"\n",
        ["inpkg/__init__.py"] = Double,
        ["inpkg/tests/__init__.py"] = "",
        ["inpkg/tests/test_core.py"] = Tests2("inpkg", "0.2.0"),
    })
    { Install = "source", PathEntries = ["."], Tests = 2 };

    public static readonly ProjectLayout CExtension = new("c-extension", new Dictionary<string, string>
    {
        ["setup.py"] =
            "from setuptools import Extension, setup\n\nsetup(\n    name='speedy',\n    packages=['speedy'],\n" +
            "    ext_modules=[Extension('speedy._speed', ['speedy/_speed.c'])],\n)\n",
        ["speedy/__init__.py"] = "from speedy._speed import double\n",
        ["speedy/_speed.c"] = "#include <Python.h>\n",
        ["tests/test_speedy.py"] = "from speedy import double\n\n\ndef test_double():\n    assert double(2) == 4\n",
    })
    { Failure = "needs a compiler (setup.py:6: ext_modules)" };

    public static readonly ProjectLayout MissingCompiledDependency = new("missing-compiled-dependency", new Dictionary<string, string>
    {
        ["pyproject.toml"] =
            "[build-system]\nrequires = [\"setuptools>=61\"]\nbuild-backend = \"setuptools.build_meta\"\n\n" +
            "[project]\nname = \"fastjson-user\"\nversion = \"1.0\"\ndependencies = [\"ujson>=5\"]\n\n[tool.setuptools]\npackages = [\"fastjson_user\"]\n",
        ["fastjson_user/__init__.py"] = "import ujson\n\n\ndef dump(value):\n    return ujson.dumps(value)\n",
        ["tests/test_dump.py"] = "from fastjson_user import dump\n\n\ndef test_dump():\n    assert dump([1]) == '[1]'\n",
    })
    { Install = "pip", Failure = "No module named 'ujson' (unmet requirements: ujson>=5)" };

    public static IReadOnlyList<ProjectLayout> All { get; } =
        [Flit, FlitScm, Hatch, Pep639, SrcLayout, Namespace, SetupPyOnly, TestsInPackage, CExtension, MissingCompiledDependency];
}
