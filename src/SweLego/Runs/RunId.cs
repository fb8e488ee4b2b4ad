using System.Globalization;

namespace SweLego.Runs;

/// <summary>
/// Run ids like <c>20261121-214455-ab12</c>: UTC time to the second, so ids sort by creation
/// time in a plain directory listing, then a random suffix so runs started in the same second
/// do not collide.
/// </summary>
public static class RunId
{
    public static string New(TimeProvider timeProvider, Random random)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(random);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var suffix = random.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
        return now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + suffix;
    }
}
