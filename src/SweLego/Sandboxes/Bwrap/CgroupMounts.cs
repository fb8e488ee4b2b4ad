namespace SweLego.Sandboxes.Bwrap;

/// <summary>Where the cgroup hierarchies are mounted, read from /proc/self/mountinfo.</summary>
internal sealed record CgroupMounts(string? V1Memory, string? V1Pids, string? V2)
{
    public static CgroupMounts Read()
    {
        string? memory = null, pids = null, unified = null;
        foreach (string line in File.ReadLines("/proc/self/mountinfo"))
        {
            // "<id> <parent> <maj:min> <root> <mount point> <options> ... - <fstype> <source> <super options>"
            string[] halves = line.Split(" - ", 2);
            if (halves.Length != 2) continue;
            string[] left = halves[0].Split(' ');
            string[] right = halves[1].Split(' ');
            if (left.Length < 5 || right.Length < 3) continue;
            string mountPoint = left[4];
            if (right[0] == "cgroup")
            {
                string[] options = right[2].Split(',');
                if (options.Contains("memory")) memory ??= mountPoint;
                if (options.Contains("pids")) pids ??= mountPoint;
            }
            else if (right[0] == "cgroup2" && HasControllers(mountPoint))
            {
                unified ??= mountPoint;
            }
        }

        return new CgroupMounts(memory, pids, unified);
    }

    private static bool HasControllers(string mountPoint)
    {
        string file = Path.Combine(mountPoint, "cgroup.controllers");
        if (!File.Exists(file)) return false;
        string[] controllers = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return controllers.Contains("memory") && controllers.Contains("pids");
    }
}
