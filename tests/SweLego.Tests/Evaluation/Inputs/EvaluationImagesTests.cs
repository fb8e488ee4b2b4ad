using SweLego.Evaluation.Inputs;

namespace SweLego.Tests.Evaluation.Inputs;

public sealed class EvaluationImagesTests
{
    [Theory]
    [InlineData("django__django-11099", "swebench", "swebench/sweb.eval.x86_64.django_1776_django-11099:latest")]
    [InlineData("django__django-11099", null, "sweb.eval.x86_64.django__django-11099:latest")]
    [InlineData("Pylint-Dev__Astroid-1866", "swebench", "swebench/sweb.eval.x86_64.pylint-dev_1776_astroid-1866:latest")]
    [InlineData("sphinx-doc__sphinx-8551", "xingyaoww", "xingyaoww/sweb.eval.x86_64.sphinx-doc_1776_sphinx-8551:latest")]
    public void ConventionName_HarnessRules_DunderReplacedOnlyWithANamespaceAndLowerCased(string id, string? imageNamespace, string expected)
    {
        Assert.Equal(expected, EvaluationImages.ConventionName(id, imageNamespace));
    }

    [Fact]
    public void Candidates_InstanceNamesAnImage_ItsOwnFirstThenTheConventionWithoutRepeats()
    {
        var own = Instance("astropy__astropy-12907", "swerebench/sweb.eval.x86_64.astropy_1776_astropy-12907:latest");
        var none = Instance("astropy__astropy-12907", null);
        var same = Instance("astropy__astropy-12907", "swebench/sweb.eval.x86_64.astropy_1776_astropy-12907:latest");

        Assert.Equal(
            ["swerebench/sweb.eval.x86_64.astropy_1776_astropy-12907:latest",
             "swebench/sweb.eval.x86_64.astropy_1776_astropy-12907:latest",
             "sweb.eval.x86_64.astropy__astropy-12907:latest"],
            EvaluationImages.Candidates(own));
        Assert.Equal(EvaluationImages.Candidates(own).Skip(1), EvaluationImages.Candidates(none));
        Assert.Equal(EvaluationImages.Candidates(none), EvaluationImages.Candidates(same));
    }

    private static EvaluationInstance Instance(string id, string? image) => new()
    {
        InstanceId = id,
        Repo = "astropy/astropy",
        FailToPass = [],
        PassToPass = [],
        ImageName = image,
        Source = "SWE-bench_Verified",
        Origin = new InputOrigin("x.jsonl", 1),
    };
}
