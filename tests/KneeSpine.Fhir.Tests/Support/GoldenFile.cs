using System.Text.Json.Nodes;

namespace KneeSpine.Fhir.Tests.Support;

/// <summary>
/// Compares output with a reviewed file under TestData/, as JSON (property order and whitespace do not matter).
/// Set KNEESPINE_UPDATE_GOLDEN=1 to rewrite the files in the source tree after a reviewed change.
/// </summary>
internal static class GoldenFile
{
    public static void AssertJsonEqual(string name, string actualJson)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", name);
        if (Environment.GetEnvironmentVariable("KNEESPINE_UPDATE_GOLDEN") == "1")
        {
            path = Path.Combine(SourceTestData(), name);
            File.WriteAllText(path, actualJson.ReplaceLineEndings("\n") + "\n");
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing; run with KNEESPINE_UPDATE_GOLDEN=1 to create it, then review it.");
        var expected = JsonNode.Parse(File.ReadAllText(path));
        var actual = JsonNode.Parse(actualJson);
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"Output differs from TestData/{name}. If the change is intended, rerun with KNEESPINE_UPDATE_GOLDEN=1 and review the diff.\nActual:\n{actualJson}");
    }

    private static string SourceTestData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "KneeSpine.Fhir.Tests", "TestData");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/KneeSpine.Fhir.Tests/TestData not found above the test binaries.");
    }
}
