namespace KneeSpine.Engine.Tests.Support;

/// <summary>
/// The shared specification beside the repository: found by walking up from the test binaries
/// until a directory holds shared/spec/clinical-rules.md (CI clones the repository next to shared/).
/// </summary>
internal static class SharedSpec
{
    private static readonly Lazy<string> Root = new(Find);

    public static string ClinicalRulesPath => Path.Combine(Root.Value, "spec", "clinical-rules.md");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared");
            if (File.Exists(Path.Combine(candidate, "spec", "clinical-rules.md")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No directory above {AppContext.BaseDirectory} contains shared/spec/clinical-rules.md.");
    }
}
