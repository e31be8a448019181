using Microsoft.Extensions.Configuration;

namespace KneeSpine.Store.Database;

/// <summary>Where KneeSpine keeps its files (<c>KneeSpine:DataDirectory</c>, default <c>./kneespine-data</c>).</summary>
public static class DataDirectory
{
    public const string Key = "KneeSpine:DataDirectory";

    public const string Default = "kneespine-data";

    public static string Resolve(IConfiguration configuration)
    {
        var configured = configuration[Key];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? Default : configured);
    }
}
