namespace KneeSpine.Web.Hosting;

/// <summary>
/// Warns at start when the host hides its CPU cache sizes (many virtual machines and containers on Linux): .NET then
/// sizes the garbage collector's young generation for a tiny cache and collects far more often than it needs to.
/// The fix is an environment variable the runtime reads before any code runs, so the app can only say so (ADR-062).
/// </summary>
public static partial class GarbageCollectorAdvice
{
    /// <summary>The setting README recommends: a 64 MiB smallest gen0 budget.</summary>
    public const string Variable = "DOTNET_GCgen0size";

    public const string RecommendedValue = "0x4000000";

    /// <summary>Where Linux describes the first CPU's caches; absent when the host does not say.</summary>
    public const string LinuxCacheDirectory = "/sys/devices/system/cpu/cpu0/cache";

    /// <summary>The warning to give, or <see langword="null"/> when the host reports its caches or the budget is set.</summary>
    public static string? For(bool isLinux, string cacheDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!isLinux || Directory.Exists(cacheDirectory)
            || !string.IsNullOrEmpty(environment(Variable)) || !string.IsNullOrEmpty(environment("COMPlus_GCgen0size")))
        {
            return null;
        }

        return $"This host reports no CPU cache sizes ({cacheDirectory} is missing), so the .NET garbage collector collects "
            + $"far more often than it needs to (up to a quarter fewer requests per second were measured). Set {Variable}="
            + $"{RecommendedValue} in the service's environment (README, \"Configuration\").";
    }

    /// <summary>Logs <see cref="For"/> for this process, if there is anything to say.</summary>
    public static void LogFor(ILogger logger)
    {
        if (For(OperatingSystem.IsLinux(), LinuxCacheDirectory, Environment.GetEnvironmentVariable) is { } advice)
        {
            LogAdvice(logger, advice);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Advice}")]
    private static partial void LogAdvice(ILogger logger, string advice);
}
