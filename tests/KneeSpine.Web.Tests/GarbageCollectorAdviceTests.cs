using KneeSpine.Web.Hosting;

namespace KneeSpine.Web.Tests;

/// <summary>The start-up warning about hosts that hide their CPU caches (ADR-062).</summary>
public sealed class GarbageCollectorAdviceTests : IDisposable
{
    private readonly string _present = Directory.CreateTempSubdirectory("kneespine-cache-").FullName;
    private readonly string _missing = Path.Combine(Path.GetTempPath(), "kneespine-no-cache-" + Guid.NewGuid().ToString("N"));

    private static readonly Func<string, string?> Unset = _ => null;

    [Fact]
    public void A_linux_host_without_cache_sizes_and_no_setting_is_told_what_to_set()
    {
        var advice = GarbageCollectorAdvice.For(isLinux: true, _missing, Unset);

        Assert.NotNull(advice);
        Assert.Contains($"{GarbageCollectorAdvice.Variable}={GarbageCollectorAdvice.RecommendedValue}", advice, StringComparison.Ordinal);
        Assert.Contains(_missing, advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DOTNET_GCgen0size")]
    [InlineData("COMPlus_GCgen0size")]
    public void Nothing_is_said_once_the_budget_is_set_under_either_prefix(string variable)
    {
        Assert.Null(GarbageCollectorAdvice.For(isLinux: true, _missing, name => name == variable ? "0x4000000" : null));
    }

    [Fact]
    public void Nothing_is_said_when_the_host_reports_its_caches_or_is_not_linux()
    {
        Assert.Null(GarbageCollectorAdvice.For(isLinux: true, _present, Unset));
        Assert.Null(GarbageCollectorAdvice.For(isLinux: false, _missing, Unset));
    }

    public void Dispose() => Directory.Delete(_present, recursive: true);
}
