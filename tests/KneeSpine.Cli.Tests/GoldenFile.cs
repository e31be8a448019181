using System.Runtime.CompilerServices;

namespace KneeSpine.Cli.Tests;

/// <summary>
/// Golden outputs under TestData/, compared exactly. They change only deliberately: run the tests
/// with KNEESPINE_REGENERATE_GOLDEN=1 to rewrite them in the source tree, then review the diff.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("KNEESPINE_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "TestData", name), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "TestData", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing; create it with KNEESPINE_REGENERATE_GOLDEN=1 and review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>This project's source folder: where the golden files are kept.</summary>
    private static string SourceDirectory([CallerFilePath] string thisFile = "") => Path.GetDirectoryName(thisFile)!;
}
