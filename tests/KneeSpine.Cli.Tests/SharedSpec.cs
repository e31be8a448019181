namespace KneeSpine.Cli.Tests;

/// <summary>The shared specification (/work/shared/spec locally, ../shared/spec in CI), found by walking up from the test binaries.</summary>
internal static class SharedSpec
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    /// <summary>The example names, e.g. <c>01-mild-pain-after-spinal</c>, in order.</summary>
    public static IReadOnlyList<string> ExampleNames =>
        [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "examples"), "*.input.json")
            .Select(f => Path.GetFileName(f)[..^".input.json".Length]).Order(StringComparer.Ordinal)];

    public static string InputOf(string example) => Path.Combine(Directory, "examples", example + ".input.json");

    public static string ExpectedOf(string example) => Path.Combine(Directory, "examples", example + ".expected.json");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec");
            if (File.Exists(Path.Combine(candidate, "assessment-input.schema.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/spec/assessment-input.schema.json above {AppContext.BaseDirectory}.");
    }
}
