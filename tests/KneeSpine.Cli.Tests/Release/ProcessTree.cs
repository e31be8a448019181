using System.Globalization;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>
/// The processor time used so far by a process and every descendant still running, read from Linux's <c>/proc</c>.
/// A build that is slow because the machine is busy keeps adding to it; a hung one does not.
/// </summary>
internal static class ProcessTree
{
    public static long CpuTicks(int root)
    {
        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || Stat(pid) is not { } stat)
            {
                continue;
            }

            parents[pid] = stat.Parent;
            ticks[pid] = stat.Ticks;
        }

        var total = 0L;
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            total += ticks.GetValueOrDefault(pid);
            foreach (var (child, parent) in parents)
            {
                if (parent == pid)
                {
                    pending.Enqueue(child);
                }
            }
        }

        return total;
    }

    /// <summary>Fields 4 (parent), 14-17 (user, system, and waited-for children's time) of <c>/proc/PID/stat</c>.</summary>
    private static (int Parent, long Ticks)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null; // ended between listing and reading
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: split after its closing parenthesis.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        static long At(string[] f, int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
        return ((int)At(fields, 4), At(fields, 14) + At(fields, 15) + At(fields, 16) + At(fields, 17));
    }
}
