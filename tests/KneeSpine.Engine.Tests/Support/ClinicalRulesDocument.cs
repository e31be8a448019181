namespace KneeSpine.Engine.Tests.Support;

/// <summary>The tables of clinical-rules.md, parsed at run time so that a change to the specification fails the build's tests.</summary>
internal sealed class ClinicalRulesDocument
{
    private readonly Dictionary<string, List<string[]>> tables = [];

    private ClinicalRulesDocument(string[] lines)
    {
        var section = "";
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..].Trim();
                continue;
            }

            if (!line.StartsWith('|') || line.StartsWith("|---", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (!tables.TryGetValue(section, out var rows))
            {
                // The first row of a table is its header.
                tables[section] = [];
                continue;
            }

            rows.Add(cells);
        }
    }

    /// <summary>spec/clinical-rules.md, the repository copy of the specification.</summary>
    public static string ClinicalRulesPath => Path.Combine(RepositorySpec.Directory, "clinical-rules.md");

    public static ClinicalRulesDocument Load() => new(File.ReadAllLines(ClinicalRulesPath));

    /// <summary>Rows (header excluded) of the table under the heading starting with <paramref name="heading"/>.</summary>
    public IReadOnlyList<string[]> Table(string heading) =>
        tables.Single(t => t.Key.StartsWith(heading, StringComparison.Ordinal)).Value;

    public static string Code(string cell) => cell.Trim().Trim('`');

    public static string[] List(string cell) => [.. cell.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0)];

    /// <summary>Every `code` span in a cell, in order.</summary>
    public static string[] CodeSpans(string cell) => [.. cell.Split('`').Where((_, i) => i % 2 == 1)];
}
