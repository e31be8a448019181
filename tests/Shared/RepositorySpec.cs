namespace KneeSpine.Tests;

/// <summary>
/// The repository's copy of the specification (<c>spec/</c> at the repository root): clinical rules,
/// both JSON schemas and the worked examples. Found by walking up from the test binaries to the
/// directory that holds <c>KneeSpine.slnx</c>, so the tests need nothing outside the repository.
/// </summary>
/// <remarks>One file, linked into every test project (tests/Directory.Build.props).</remarks>
internal static class RepositorySpec
{
    private static readonly Lazy<string> RootDirectory = new(FindRepositoryRoot);

    /// <summary>The repository root: the directory that holds <c>KneeSpine.slnx</c>.</summary>
    public static string RepositoryRoot => RootDirectory.Value;

    /// <summary><c>spec/</c> at the repository root.</summary>
    public static string Directory => Path.Combine(RepositoryRoot, "spec");

    /// <summary>The repository's README.md, whose examples some tests run.</summary>
    public static string Readme => File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));

    public static string ClinicalRulesPath => Path.Combine(Directory, "clinical-rules.md");

    public static string InputSchemaPath => Path.Combine(Directory, "assessment-input.schema.json");

    public static string ResultSchemaPath => Path.Combine(Directory, "assessment-result.schema.json");

    /// <summary>The example names (<c>01-mild-pain-after-spinal</c>, ...), in order.</summary>
    public static IReadOnlyList<string> ExampleNames =>
        [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "examples"), "*.input.json")
            .Select(p => Path.GetFileName(p)[..^".input.json".Length]).Order(StringComparer.Ordinal)];

    /// <summary>The example names as xunit theory data.</summary>
    public static Xunit.TheoryData<string> ExampleNameData => [.. ExampleNames];

    public static string InputOf(string example) => Path.Combine(Directory, "examples", example + ".input.json");

    public static string ExpectedOf(string example) => Path.Combine(Directory, "examples", example + ".expected.json");

    public static byte[] ExampleInput(string example) => File.ReadAllBytes(InputOf(example));

    public static string ExampleExpected(string example) => File.ReadAllText(ExpectedOf(example));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "KneeSpine.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No KneeSpine.slnx (the repository root) above {AppContext.BaseDirectory}.");
    }
}
