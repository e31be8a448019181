using System.Reflection;

namespace KneeSpine.Web.Hosting;

/// <summary>
/// Finds the manifest that maps the stylesheets and scripts to their URLs. The SDK names it after the project that was
/// built or published: a build (and every test) carries KneeSpine.Web's beside the app, while a published CLI carries
/// only its own, <c>kneespine.staticwebassets.endpoints.json</c>, next to its <c>wwwroot</c>.
/// </summary>
internal static class StaticAssetsManifest
{
    private const string Suffix = ".staticwebassets.endpoints.json";

    public static string PathFor(IWebHostEnvironment environment)
    {
        var own = Path.Combine(AppContext.BaseDirectory, environment.ApplicationName + Suffix);
        if (File.Exists(own))
        {
            return own;
        }

        var host = Assembly.GetEntryAssembly()?.GetName().Name;
        var hostManifest = host is null ? null : Path.Combine(AppContext.BaseDirectory, host + Suffix);
        // Without either, the web app's own name goes on, so the start fails naming the file the app looked for.
        return hostManifest is not null && File.Exists(hostManifest) ? hostManifest : own;
    }
}
