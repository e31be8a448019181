namespace KneeSpine.Cli.Tests.Release;

/// <summary>
/// <c>dotnet publish</c> of the CLI (the tests' own build, not built again), copied to a folder far from the source
/// tree, as a deployment would: published once for the test class.
/// </summary>
public sealed class PublishedBuild : IAsyncLifetime
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kneespine-published-");

    /// <summary>The copied folder; its <c>kneespine</c> is the framework-dependent app host.</summary>
    public string Folder => Path.Combine(_work.FullName, "installed", "kneespine");

    public string Work => _work.FullName;

    public async ValueTask InitializeAsync()
    {
        var publish = Path.Combine(_work.FullName, "publish");
        var (code, output) = await SourceTree.RunAsync("dotnet",
            ["publish", Path.Combine("src", "KneeSpine.Cli"), "-c", SourceTree.Configuration, "--no-build", "-o", publish, "-nologo"],
            TimeSpan.FromMinutes(10));
        Assert.True(code == 0, $"dotnet publish exited {code}:\n{output}");
        Copy(new DirectoryInfo(publish), Folder);
        // Nothing may point back: the publish folder is gone, only the copy is left.
        Directory.Delete(publish, recursive: true);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static void Copy(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }

        foreach (var directory in from.EnumerateDirectories())
        {
            Copy(directory, Path.Combine(to, directory.Name));
        }
    }
}
