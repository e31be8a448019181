namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>Finds the shared specification by walking up from the test binaries (CI clones the repository beside <c>shared/</c>).</summary>
public static class SharedSpec
{
    public static string Directory { get; } = Find();

    public static string Example(string name) => Path.Combine(Directory, "examples", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var spec = Path.Combine(dir.FullName, "shared", "spec");
            if (File.Exists(Path.Combine(spec, "clinical-rules.md")))
            {
                return spec;
            }
        }

        throw new InvalidOperationException("shared/spec/clinical-rules.md not found above " + AppContext.BaseDirectory);
    }
}
