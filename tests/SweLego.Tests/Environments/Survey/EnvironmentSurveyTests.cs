using SweLego.Environments.Survey;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Survey;

/// <summary>
/// Every layout fixture built offline in bwrap and tested once, as <c>swelego env survey --offline</c> does
/// (one survey for the class): the build backends that are missing here go through the source install,
/// and the tests then pass; the C extension and the missing compiled dependency fail with their reason.
/// </summary>
public sealed class EnvironmentSurveyTests(EnvironmentSurveyTests.OfflineSurvey survey) : IClassFixture<EnvironmentSurveyTests.OfflineSurvey>
{
    public static TheoryData<string> Layouts => [.. ProjectLayout.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Layout_BuildsAndItsTestsPass_OrFailsWithItsReason(string name)
    {
        var layout = ProjectLayout.All.Single(l => l.Name == name);
        var row = survey.Row(layout);

        if (layout.Failure is { } failure)
        {
            Assert.Equal(SurveyOutcome.Failed, row.Outcome);
            Assert.Contains(failure, row.Reason, StringComparison.Ordinal);
            return;
        }

        Assert.True(row.Success, row.Reason);
        Assert.Equal(layout.Install == "source" ? SurveyOutcome.BuiltByFallback : SurveyOutcome.Built, row.Outcome);
        Assert.Equal(layout.Tests, row.TestsCollected);
        Assert.Equal(layout.Tests, row.Passed);
    }

    [Fact]
    public void Fallback_NamesWhyPipCouldNotBuild()
    {
        Assert.Equal("ModuleNotFoundError: No module named 'flit_core'", survey.Row(ProjectLayout.Flit).Reason);
        Assert.Equal("ModuleNotFoundError: No module named 'poetry'", survey.Row(ProjectLayout.TestsInPackage).Reason);
        Assert.Contains("configuration error", survey.Row(ProjectLayout.Pep639).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_RateCountsOnlyBuildsWhoseTestsRan()
    {
        Assert.Equal(ProjectLayout.All.Count, survey.Report.Rows.Count);
        Assert.Equal(ProjectLayout.All.Count - 2, survey.Report.Succeeded);
        Assert.Equal(ProjectLayout.All.Count(l => l.Install == "source"), survey.Report.ByFallback);
        Assert.Equal((ProjectLayout.All.Count - 2) / (double)ProjectLayout.All.Count, survey.Report.SuccessRate, 6);
    }

    [Fact]
    public void Survey_LeavesTheRepositoriesUntouched()
    {
        foreach (var layout in ProjectLayout.All)
        {
            string repository = survey.Repository(layout);
            Assert.Equal(layout.Files.Keys.Concat([".git"]).Select(f => f.Split('/')[0]).Distinct().Order(), Directory.EnumerateFileSystemEntries(repository).Select(Path.GetFileName).Order()!);
        }
    }

    /// <summary>The fixtures as git repositories and one offline survey over them (2 jobs).</summary>
    public sealed class OfflineSurvey : IAsyncLifetime, IDisposable
    {
        private readonly TempDirectory _folder = new("swelego-survey-test-");
        private readonly Dictionary<string, string> _repositories = [];

        public SurveyReport Report { get; private set; } = new([]);

        public string Repository(ProjectLayout layout) => _repositories[layout.Name];

        public SurveyRow Row(ProjectLayout layout) => Report.Rows.Single(r => r.Repository == Repository(layout));

        public async Task InitializeAsync()
        {
            foreach (var layout in ProjectLayout.All) _repositories[layout.Name] = await layout.CreateAsync(_folder.Path);
            Report = await EnvironmentSurvey.RunAsync(
                [.. ProjectLayout.All.Select(Repository)],
                new SurveyOptions { Offline = true, Jobs = 2, EnvironmentsRoot = _folder.Combine("environments"), TestTimeout = TimeSpan.FromMinutes(2) });
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => _folder.Dispose();
    }
}
