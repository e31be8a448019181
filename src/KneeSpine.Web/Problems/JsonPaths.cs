namespace KneeSpine.Web.Problems;

/// <summary>The project's JSON path form: dotted camelCase from the root, <c>$</c> for the whole document.</summary>
internal static class JsonPaths
{
    public const string Document = "$";

    /// <summary><c>$.birthDate</c> (System.Text.Json) becomes <c>birthDate</c>; an empty path is the document.</summary>
    public static string FromSerializer(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? Document
        : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : path.StartsWith('$') ? path[1..]
        : path;

    /// <summary>The engine reports whole-document problems with an empty path.</summary>
    public static string FromEngine(string path) => string.IsNullOrEmpty(path) ? Document : path;
}
