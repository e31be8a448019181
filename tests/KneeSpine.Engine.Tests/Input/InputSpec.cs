namespace KneeSpine.Engine.Tests.Input;

/// <summary>The shared specification (/work/shared/spec locally, ../shared/spec in CI), found by walking up from the test binaries.</summary>
internal static class InputSpec
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Root.Value;

    public static string InputSchemaPath => Path.Combine(Directory, "assessment-input.schema.json");

    public static IEnumerable<string> ExampleInputs =>
        System.IO.Directory.GetFiles(Path.Combine(Directory, "examples"), "*.input.json").Order(StringComparer.Ordinal);

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
