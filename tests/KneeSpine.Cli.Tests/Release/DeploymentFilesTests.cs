using System.Diagnostics;
using KneeSpine.Web.Hosting;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>The systemd units in deploy/ are valid as systemd reads them, and carry what docs/deployment.md says they do.</summary>
public sealed class DeploymentFilesTests : IDisposable
{
    private static readonly string[] Units = ["kneespine.service", "kneespine-backup.service", "kneespine-backup.timer"];

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kneespine-units-");

    [Fact]
    public async Task The_systemd_units_pass_systemd_analyze_verify_without_a_warning()
    {
        // verify insists that ExecStart's program exists; a stand-in takes /opt/kneespine/kneespine's place.
        var standIn = Path.Combine(_work.FullName, "kneespine");
        File.CreateSymbolicLink(standIn, "/usr/bin/true");
        foreach (var unit in Units)
        {
            var text = await File.ReadAllTextAsync(Path.Combine(SourceTree.Root, "deploy", unit), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(_work.FullName, unit), text.Replace("/opt/kneespine/kneespine", standIn, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        }

        var verify = new ProcessStartInfo("systemd-analyze") { WorkingDirectory = _work.FullName };
        foreach (var arg in Units.Select(u => "./" + u).Prepend("verify"))
        {
            verify.ArgumentList.Add(arg);
        }

        var (code, output) = await SourceTree.RunAsync(verify, TimeSpan.FromMinutes(2));

        Assert.True(code == 0 && output.Length == 0, $"systemd-analyze verify exited {code}:\n{output}");
    }

    [Fact]
    public async Task The_service_sets_the_gc_setting_forwarded_headers_a_dedicated_user_and_restart_on_failure()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(SourceTree.Root, "deploy", "kneespine.service"), TestContext.Current.CancellationToken);

        Assert.Contains($"Environment={GarbageCollectorAdvice.Variable}={GarbageCollectorAdvice.RecommendedValue}", lines);
        Assert.Contains("Environment=ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", lines);
        Assert.Contains("User=kneespine", lines);
        Assert.Contains("Restart=on-failure", lines);
        Assert.Contains("ExecStart=/opt/kneespine/kneespine serve --urls http://127.0.0.1:5080 --data /var/lib/kneespine", lines);
    }

    public void Dispose() => _work.Delete(recursive: true);
}
