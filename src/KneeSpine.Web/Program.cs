using KneeSpine.Web.Hosting;

// The table of contents lives in KneeSpineWebHost so that `kneespine serve` starts the same app.
await using var app = KneeSpineWebHost.Build(args);
await app.RunAsync().ConfigureAwait(false);

/// <summary>The web app's entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
