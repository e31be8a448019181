namespace KneeSpine.Cli.Tests.Readme;

/// <summary>The repository the tests were built from (the folder with KneeSpine.slnx above the test binaries).</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string Readme => File.ReadAllText(Path.Combine(Directory, "README.md"));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeSpine.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No KneeSpine.slnx above {AppContext.BaseDirectory}.");
    }
}
