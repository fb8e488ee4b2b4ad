using SweLego.Environments.Build;

namespace SweLego.Tests.Environments.Build;

/// <summary>GET /system/df in both shapes the daemons answer with.</summary>
public sealed class ImageDiskUsageTests
{
    [Fact]
    public void Parse_Api141Images_RowsWithUniqueSize()
    {
        var rows = ImageDiskUsage.Parse("""
            {"LayersSize": 1, "Images": [{"Id": "sha256:a", "Size": 500, "SharedSize": 400, "Containers": 2}], "Containers": [], "Volumes": []}
            """);

        var row = Assert.Single(rows.Values);
        Assert.Equal(("sha256:a", 100L, 2), (row.Id, row.UniqueSize!.Value, row.Containers));
    }

    [Fact]
    public void Parse_Api152ImageUsageWithoutSharedSize_UniqueSizeUnknown()
    {
        var rows = ImageDiskUsage.Parse("""
            {"ImageUsage": {"Items": [{"Id": "sha256:b", "Size": 300, "SharedSize": -1, "Containers": -1}]}}
            """);

        Assert.Null(rows["sha256:b"].UniqueSize);
        Assert.Equal(-1, rows["sha256:b"].Containers);
    }

    [Fact]
    public void Parse_NoImages_Empty()
    {
        Assert.Empty(ImageDiskUsage.Parse("""{"Images": null}"""));
    }
}
