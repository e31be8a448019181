using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>The self-contained release archive runs where no .NET is installed (issue 10).</summary>
public sealed class ReleaseArchiveTests(ReleaseArchive release) : IClassFixture<ReleaseArchive>
{
    [Fact]
    public async Task The_archive_binary_serves_the_app_without_dotnet_and_loads_nothing_from_the_dotnet_installation()
    {
        var data = Path.Combine(release.Work, "data");
        var home = Directory.CreateDirectory(Path.Combine(release.Work, "home")).FullName;
        TestContext.Current.TestOutputHelper?.WriteLine(WithoutDotnet.HidesInstallation
            ? $"{WithoutDotnet.DotnetRoot} is hidden by an empty tmpfs in a private mount namespace"
            : $"not root or no unshare: {WithoutDotnet.DotnetRoot} is only left out of the environment, and checked in /proc");
        await using var server = await ServerProcess.StartAsync(
            address => WithoutDotnet.StartInfo(release.Executable, home, "serve", "--urls", address.ToString().TrimEnd('/'), "--data", data),
            "release archive");

        await ServedApp.AssertServesEverythingAsync(server);
        var mapped = WithoutDotnet.MappedFiles(server.ProcessId);
        Assert.Contains(release.Executable, mapped);
        Assert.DoesNotContain(mapped, file => file.StartsWith(WithoutDotnet.DotnetRoot + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_archive_is_named_after_the_product_version_which_its_binary_prints()
    {
        Assert.True(File.Exists(release.Archive), release.Archive);

        var (code, output) = await SourceTree.RunAsync(WithoutDotnet.StartInfo(release.Executable, release.Work, "--version"), TimeSpan.FromMinutes(2));

        Assert.Equal((0, SourceTree.Version + "\n"), (code, output));
    }
}
