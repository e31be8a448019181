namespace KneeSpine.Web.Tests.AssessmentForms;

/// <summary>The shared specification's example inputs, found by walking up from the test binaries (../shared in CI).</summary>
internal static class SpecExamples
{
    private static readonly Lazy<string> Root = new(Locate);

    public static IEnumerable<string> InputFiles =>
        Directory.GetFiles(Path.Combine(Root.Value, "examples"), "*.input.json").Order(StringComparer.Ordinal);

    public static TheoryData<string> InputNames => [.. InputFiles.Select(Path.GetFileName).OfType<string>()];

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(Root.Value, "examples", name));

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
