namespace KneeSpine.Cli.Tests.Release;

/// <summary>
/// The linux-x64 archive made by <c>./release.sh</c> (the documented way), extracted into an empty folder. The
/// self-contained build is the slowest step of the suite, so it is made once for the test class.
/// </summary>
public sealed class ReleaseArchive : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kneespine-release-");

    public string Name => $"kneespine-{SourceTree.Version}-linux-x64";

    public string Archive => Path.Combine(_work.FullName, "artifacts", Name + ".tar.gz");

    /// <summary>The extracted executable.</summary>
    public string Executable => Path.Combine(_work.FullName, "installed", Name, "kneespine");

    public string Work => _work.FullName;

    public async ValueTask InitializeAsync()
    {
        var (code, output) = await SourceTree.RunAsync("bash",
            [Path.Combine(SourceTree.Root, "release.sh"), "--out", Path.Combine(_work.FullName, "artifacts"), "linux-x64"], TimeSpan.FromMinutes(10));
        Assert.True(code == 0, $"release.sh exited {code}:\n{output}");
        var installed = Directory.CreateDirectory(Path.Combine(_work.FullName, "installed")).FullName;
        var (tar, listing) = await SourceTree.RunAsync("tar", ["-xzf", Archive, "-C", installed], TimeSpan.FromMinutes(5));
        Assert.True(tar == 0, $"tar exited {tar}:\n{listing}");
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }
}
