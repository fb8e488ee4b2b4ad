using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Evaluation.Metrics;
using SweLego.Runs;

namespace SweLego.Tests.Evaluation.Metrics;

public sealed class EvaluationMetricsTests
{
    [Theory]
    [InlineData(5, 2, 2, 0.7)]          // 1 − C(3,2)/C(5,2) = 1 − 3/10
    [InlineData(5, 2, 1, 0.4)]          // k = 1: c/n
    [InlineData(10, 3, 4, 1 - 35.0 / 210)]
    [InlineData(5, 0, 3, 0.0)]          // nothing resolves
    [InlineData(5, 5, 1, 1.0)]          // everything resolves
    [InlineData(5, 3, 3, 1.0)]          // k > n − c: every draw holds a success
    [InlineData(1, 1, 1, 1.0)]
    public void Estimate_HandComputedValues_Match(int n, int c, int k, double expected)
    {
        Assert.Equal(expected, PassAtK.Estimate(n, c, k), precision: 12);
    }

    [Fact]
    public void Estimate_LargeN_StaysFiniteAndMatchesExactBinomials()
    {
        // C(1000, 200) has over 200 digits: the direct formula overflows a double.
        double exact = 1 - Ratio(Binomial(600, 200), Binomial(1000, 200));

        double estimate = PassAtK.Estimate(1000, 400, 200);

        Assert.Equal(exact, estimate, precision: 12);
        Assert.InRange(PassAtK.Estimate(1000, 1, 1), 0.001 - 1e-15, 0.001 + 1e-15);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(5, 6, 1)]
    [InlineData(5, 2, 0)]
    [InlineData(5, 2, 6)]
    public void Estimate_OutOfRange_Throws(int n, int c, int k)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(n, c, k));
    }

    [Fact]
    public void Compute_OnePredictionPerInstance_ResolveRateOverallPerSourceAndRepo()
    {
        var report = EvaluationMetrics.Compute(
        [
            new("a__a-1", "a/a", "real", "0", Resolved: true),
            new("a__a-2", "a/a", "synthetic", "0", Resolved: false, EmptyPatch: true),
            new("b__b-1", "b/b", "real", "0", Resolved: true),
            new("b__b-2", "b/b", "real", "0", Resolved: false, Error: true),
        ]);

        Assert.Equal(4, report.Overall.Instances);
        Assert.Equal(2, report.Overall.Resolved);
        Assert.Equal(0.5, report.Overall.ResolveRate);
        Assert.Equal(0.5, report.Overall.Pass1);
        Assert.Equal(1, report.Overall.Errors);
        Assert.Equal(1, report.Overall.EmptyPatches);
        Assert.Equal([new PassAtKValue(1, 0.5)], report.Overall.PassAtK);
        Assert.Equal([("real", 3, 2.0 / 3), ("synthetic", 1, 0.0)], report.BySource.Select(g => (g.Name, g.Instances, g.ResolveRate)));
        Assert.Equal([("a/a", 0.5), ("b/b", 0.5)], report.ByRepo.Select(g => (g.Name, g.ResolveRate)));
    }

    [Fact]
    public void Compute_SeveralRollouts_Pass1IsTheMeanPerInstanceAndPassAtKRunsToTheFewestRollouts()
    {
        var verdicts = new List<PredictionVerdict>();
        void Add(string id, string repo, int n, int c)
        {
            for (int r = 0; r < n; r++) verdicts.Add(new PredictionVerdict(id, repo, "SWE-bench_Verified", r.ToString(System.Globalization.CultureInfo.InvariantCulture), Resolved: r < c));
        }

        Add("x__x-1", "x/x", 5, 2);
        Add("x__x-2", "x/x", 5, 0);
        Add("y__y-1", "y/y", 5, 5);
        Add("y__y-2", "y/y", 3, 1);

        var report = EvaluationMetrics.Compute(verdicts);

        var all = report.Overall;
        Assert.Equal((4, 18, 8, 3), (all.Instances, all.Predictions, all.Resolved, all.ResolvedInstances));
        Assert.Equal(8.0 / 18, all.ResolveRate, precision: 12);
        Assert.Equal((0.4 + 0 + 1 + 1.0 / 3) / 4, all.Pass1, precision: 12);
        Assert.Equal((3, 5), (all.MinRollouts, all.MaxRollouts));
        Assert.Equal([1, 2, 3], all.PassAtK.Select(p => p.K));
        Assert.Equal(all.Pass1, all.PassAtK[0].Value, precision: 12);
        // k = 2: 0.7, 0, 1, 1 − C(2,2)/C(3,2) = 2/3.
        Assert.Equal((0.7 + 0 + 1 + 2.0 / 3) / 4, all.PassAtK[1].Value, precision: 12);
        // k = 3: 1 − C(3,3)/C(5,3) = 0.9, 0, 1, 1.
        Assert.Equal((0.9 + 0 + 1 + 1) / 4, all.PassAtK[2].Value, precision: 12);

        var x = report.ByRepo[0];
        Assert.Equal(("x/x", 5), (x.Name, x.MinRollouts));
        Assert.Equal([0.2, 0.35, 0.45, 0.5, 0.5], x.PassAtK.Select(p => Math.Round(p.Value, 12)));
    }

    [Fact]
    public void Compute_NoVerdicts_ZerosNotNaN()
    {
        var report = EvaluationMetrics.Compute([]);

        Assert.Equal((0, 0.0, 0.0), (report.Overall.Instances, report.Overall.ResolveRate, report.Overall.Pass1));
        Assert.Empty(report.Overall.PassAtK);
        Assert.Empty(report.BySource);
        _ = JsonSerializer.Serialize(report, RunJson.Options);
    }

    [Fact]
    public void Compute_TwoVerdictsForOneRollout_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EvaluationMetrics.Compute(
            [new("a", "r", "s", "0", true), new("a", "r", "s", "0", false)]));
        Assert.StartsWith("two verdicts for instance 'a' rollout '0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_RunJson_SnakeCaseDocumentWithVersion()
    {
        var report = EvaluationMetrics.Compute([new("a__a-1", "a/a", "real", "0", Resolved: true), new("a__a-1", "a/a", "real", "1", Resolved: false)]);

        var json = JsonNode.Parse(JsonSerializer.Serialize(report, RunJson.IndentedOptions))!;

        Assert.Equal(1, json["version"]!.GetValue<int>());
        Assert.Equal(0.5, json["overall"]!["resolve_rate"]!.GetValue<double>());
        Assert.Equal(0.5, json["overall"]!["pass1"]!.GetValue<double>());
        Assert.Equal(1.0, json["overall"]!["pass_at_k"]![1]!["value"]!.GetValue<double>());
        Assert.Equal("real", json["by_source"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("a/a", json["by_repo"]![0]!["name"]!.GetValue<string>());
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger result = 1;
        for (int i = 1; i <= k; i++) result = result * (n - k + i) / i;
        return result;
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator)
    {
        // Scale to keep 60 significant digits before converting.
        var scaled = numerator * BigInteger.Pow(10, 60) / denominator;
        return (double)scaled / 1e60;
    }
}
