using SweLego.Environments.Survey;
using SweLego.Sandboxes;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Survey;

/// <summary>The survey on the docker backend: the source install inside an image build, and the compiler refusal there too.</summary>
[Collection(DockerTestGroup.Name)]
public sealed class EnvironmentSurveyDockerTests(DockerFixture docker) : IDisposable
{
    private readonly TempDirectory _folder = new("swelego-survey-docker-");

    [Fact]
    public async Task Survey_Docker_FlitBuildsBySourceInstallAndTheCExtensionFails()
    {
        string flit = await ProjectLayout.Flit.CreateAsync(_folder.Path);
        string extension = await ProjectLayout.CExtension.CreateAsync(_folder.Path);
        SurveyReport? report = null;
        try
        {
            report = await EnvironmentSurvey.RunAsync([flit, extension],
                new SurveyOptions { Offline = true, Backend = SandboxBackends.Docker, EnvironmentsRoot = _folder.Combine("unused"), TestTimeout = TimeSpan.FromMinutes(2) });

            var built = report.Rows[0];
            Assert.True(built.Success, built.Reason);
            Assert.Equal(SurveyOutcome.BuiltByFallback, built.Outcome);
            Assert.Equal(ProjectLayout.Flit.Tests, built.Passed);
            Assert.StartsWith("swelego/env:", built.Image, StringComparison.Ordinal);

            var failed = report.Rows[1];
            Assert.Equal(SurveyOutcome.Failed, failed.Outcome);
            Assert.Contains(ProjectLayout.CExtension.Failure!, failed.Reason, StringComparison.Ordinal);
            Assert.Equal(0.5, report.SuccessRate);
        }
        finally
        {
            foreach (var row in report?.Rows ?? [])
                if (row.Image is { } image) await docker.Client.RemoveImageIfPresentAsync(image);
        }
    }

    public void Dispose() => _folder.Dispose();
}
