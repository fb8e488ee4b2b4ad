using SweLego.Environments.Build;

namespace SweLego.Tests.Environments.Build;

public sealed class ByteSizeTests
{
    [Theory]
    [InlineData("500MB", 500_000_000)]
    [InlineData("20GB", 20_000_000_000)]
    [InlineData("1.5GiB", 1_610_612_736)]
    [InlineData("20 gb", 20_000_000_000)]
    [InlineData("512KiB", 524_288)]
    [InlineData("2TB", 2_000_000_000_000)]
    [InlineData("1TiB", 1_099_511_627_776)]
    [InlineData("100B", 100)]
    [InlineData("4096", 4096)]
    [InlineData("0", 0)]
    [InlineData(".5KB", 500)]
    [InlineData(" 3MiB ", 3_145_728)]
    public void TryParse_ValidSize_Bytes(string text, long expected)
    {
        Assert.True(ByteSize.TryParse(text, out long bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("20G")]
    [InlineData("GB")]
    [InlineData("-1GB")]
    [InlineData("1e9")]
    [InlineData("1,5GB")]
    [InlineData("20 XB")]
    [InlineData("99999999999TiB")]
    public void TryParse_NotASize_False(string text)
    {
        Assert.False(ByteSize.TryParse(text, out _));
    }

    [Fact]
    public void Parse_NotASize_FormatExceptionNamesAcceptedForms()
    {
        var ex = Assert.Throws<FormatException>(() => ByteSize.Parse("20G"));
        Assert.Contains("'20G'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1.5GiB", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, "999 B")]
    [InlineData(2_000_000, "2.0 MB")]
    [InlineData(414_690_093, "414.7 MB")]
    [InlineData(20_000_000_000, "20.0 GB")]
    public void Format_Bytes_OneDecimalDecimalUnits(long bytes, string expected)
    {
        Assert.Equal(expected, ByteSize.Format(bytes));
    }
}
