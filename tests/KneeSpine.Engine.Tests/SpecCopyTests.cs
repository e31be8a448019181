namespace KneeSpine.Engine.Tests;

/// <summary>
/// The repository's <c>spec/</c> is a copy of the team's shared specification. When the shared
/// folder sits beside the repository (<c>../shared/spec</c>), the copy must be byte-identical, so a
/// change to the specification cannot go unnoticed; a clone without it (any public clone) passes.
/// </summary>
/// <remarks>The only code that looks outside the repository; everything else reads <c>spec/</c>.</remarks>
public sealed class SpecCopyTests(ITestOutputHelper output)
{
    private static string SharedSpecDirectory => Path.GetFullPath(Path.Combine(RepositorySpec.RepositoryRoot, "..", "shared", "spec"));

    [Fact]
    public void Repository_spec_is_a_byte_identical_copy_of_the_shared_spec_when_that_exists()
    {
        if (!Directory.Exists(SharedSpecDirectory))
        {
            output.WriteLine($"No shared specification at {SharedSpecDirectory}: nothing to compare, the repository copy stands alone.");
            return;
        }

        var differences = Differences(SharedSpecDirectory, RepositorySpec.Directory);
        output.WriteLine($"Compared {Files(SharedSpecDirectory).Union(Files(RepositorySpec.Directory)).Count()} files of {SharedSpecDirectory} and {RepositorySpec.Directory}.");
        Assert.True(differences.Count == 0, "spec/ differs from the shared specification (copy it again):\n" + string.Join("\n", differences));
    }

    [Fact]
    public void Comparison_names_files_that_differ_or_are_missing_on_either_side()
    {
        var shared = Directory.CreateTempSubdirectory("kneespine-shared-");
        var copy = Directory.CreateTempSubdirectory("kneespine-copy-");
        try
        {
            Directory.CreateDirectory(Path.Combine(shared.FullName, "examples"));
            Directory.CreateDirectory(Path.Combine(copy.FullName, "examples"));
            File.WriteAllText(Path.Combine(shared.FullName, "same.md"), "x");
            File.WriteAllText(Path.Combine(copy.FullName, "same.md"), "x");
            File.WriteAllText(Path.Combine(shared.FullName, "examples", "changed.json"), "{}");
            File.WriteAllText(Path.Combine(copy.FullName, "examples", "changed.json"), "{ }");
            File.WriteAllText(Path.Combine(shared.FullName, "only-shared.md"), "a");
            File.WriteAllText(Path.Combine(copy.FullName, "only-copy.md"), "b");

            var differences = Differences(shared.FullName, copy.FullName);

            Assert.Equal(
                ["differs: examples/changed.json", "missing from spec/: only-shared.md", "not in the shared spec: only-copy.md"],
                differences);
        }
        finally
        {
            shared.Delete(recursive: true);
            copy.Delete(recursive: true);
        }
    }

    private static List<string> Differences(string shared, string copy)
    {
        var sharedFiles = Files(shared).ToHashSet(StringComparer.Ordinal);
        var copyFiles = Files(copy).ToHashSet(StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var file in sharedFiles.Intersect(copyFiles).Order(StringComparer.Ordinal))
        {
            if (!File.ReadAllBytes(Path.Combine(shared, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(copy, file))))
            {
                differences.Add("differs: " + file);
            }
        }

        differences.AddRange(sharedFiles.Except(copyFiles).Order(StringComparer.Ordinal).Select(f => "missing from spec/: " + f));
        differences.AddRange(copyFiles.Except(sharedFiles).Order(StringComparer.Ordinal).Select(f => "not in the shared spec: " + f));
        return differences;
    }

    private static IEnumerable<string> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'));
}
