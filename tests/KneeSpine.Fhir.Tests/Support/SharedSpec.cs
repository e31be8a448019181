namespace KneeSpine.Fhir.Tests.Support;

/// <summary>The shared specification, found by walking up from the test binaries (CI clones the repository beside shared/).</summary>
internal static class SharedSpec
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    /// <summary>The example names (<c>01-mild-pain-after-spinal</c>, ...), in order.</summary>
    public static IEnumerable<string> ExampleNames =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "examples"), "*.input.json")
            .Select(p => Path.GetFileName(p)[..^".input.json".Length])
            .Order(StringComparer.Ordinal);

    public static byte[] ExampleInput(string name) => File.ReadAllBytes(Path.Combine(Directory, "examples", name + ".input.json"));

    public static string ExampleExpected(string name) => File.ReadAllText(Path.Combine(Directory, "examples", name + ".expected.json"));

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "spec");
            if (File.Exists(Path.Combine(candidate, "clinical-rules.md")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shared/spec/clinical-rules.md above {AppContext.BaseDirectory}.");
    }
}
