namespace SweLego.Tests.Environments.Toml;

/// <summary>Real-world shaped TOML documents shared by the reader tests.</summary>
internal static class TomlSamples
{
    /// <summary>A pyproject.toml in the style of attrs/pluggy/requests: PEP 621 metadata, setuptools, pytest, tools.</summary>
    public const string Pyproject = """"
        # SPDX-License-Identifier: MIT
        [build-system]
        requires = ["setuptools>=64", "setuptools-scm[toml]>=8", "wheel"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "widgetry"
        description = 'Widgets for "real" work'
        readme = "README.md"
        requires-python = ">=3.9"
        license = { text = "MIT" }
        authors = [
          { name = "Ada Lovelace", email = "ada@example.org" },
          { name = "Grace Hopper" },
        ]
        keywords = ["widgets", "gadgets"]
        classifiers = [
            "Programming Language :: Python :: 3",
            "Programming Language :: Python :: 3.12",  # newest tested
            "License :: OSI Approved :: MIT License",
        ]
        dependencies = [
            "attrs>=22.2",
            "packaging",
            'tomli>=1.1.0; python_version < "3.11"',
        ]
        dynamic = ["version"]

        [project.optional-dependencies]
        test = ["pytest>=7.0", "pytest-cov", "hypothesis"]
        dev = [
          "widgetry[test]",
          "ruff==0.4.4",
        ]

        [project.urls]
        Homepage = "https://example.org/widgetry"
        "Bug Tracker" = "https://example.org/widgetry/issues"

        [project.scripts]
        widgetry = "widgetry.__main__:main"

        [tool.setuptools]
        zip-safe = false
        package-dir = {"" = "src"}

        [tool.setuptools.packages.find]
        where = ["src"]
        include = ["widgetry*"]
        exclude = ["tests*"]

        [tool.setuptools_scm]
        version_file = "src/widgetry/_version.py"

        [tool.pytest.ini_options]
        minversion = "7.0"
        addopts = "-ra -q --strict-markers"
        testpaths = [
            "tests",
            "integration",
        ]
        filterwarnings = [
            'error',
            'ignore:.*deprecated.*:DeprecationWarning',
        ]
        markers = """
        slow: marks tests as slow
        network: needs network access\
        """

        [tool.coverage.run]
        branch = true
        source = ["widgetry"]
        omit = ["*/_version.py"]

        [tool.coverage.report]
        fail_under = 92.5
        exclude_lines = ["pragma: no cover", "if TYPE_CHECKING:"]

        [tool.ruff]
        line-length = 100
        target-version = "py39"

        [tool.ruff.lint]
        select = ["E", "F", "I", "UP"]
        ignore = []

        [tool.ruff.lint.per-file-ignores]
        "tests/*" = ["S101"]

        [[tool.mypy.overrides]]
        module = "hypothesis.*"
        ignore_missing_imports = true

        [[tool.mypy.overrides]]
        module = ["attr.*", "packaging.*"]
        follow_imports = "skip"

        [tool.tox]
        legacy_tox_ini = '''
        [tox]
        envlist = py39, py312
        '''
        """";
}
