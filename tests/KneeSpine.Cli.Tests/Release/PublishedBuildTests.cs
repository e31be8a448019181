using System.Diagnostics;
using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests.Release;

/// <summary>
/// A framework-dependent <c>dotnet publish</c> of the CLI, copied away from the source tree and started from another
/// working directory, serves the whole app (issue 10: it used to stop at once, looking for a static assets manifest).
/// </summary>
public sealed class PublishedBuildTests(PublishedBuild build) : IClassFixture<PublishedBuild>
{
    [Fact]
    public async Task A_published_folder_copied_elsewhere_serves_pages_stylesheets_scripts_fhir_and_openapi()
    {
        var data = Path.Combine(build.Work, "data");
        var elsewhere = Directory.CreateDirectory(Path.Combine(build.Work, "somewhere-else")).FullName;
        await using var server = await ServerProcess.StartAsync(address =>
        {
            var start = new ProcessStartInfo(Path.Combine(build.Folder, "kneespine")) { WorkingDirectory = elsewhere };
            foreach (var arg in new[] { "serve", "--urls", address.ToString().TrimEnd('/'), "--data", data })
            {
                start.ArgumentList.Add(arg);
            }

            return start;
        }, "published build");

        await ServedApp.AssertServesEverythingAsync(server);
        Assert.True(File.Exists(Path.Combine(data, "kneespine.db")), "the database was not made under --data");
    }

    [Fact]
    public async Task The_version_option_prints_the_product_version_from_directory_build_props()
    {
        var (code, output) = await SourceTree.RunAsync(Path.Combine(build.Folder, "kneespine"), ["--version"], TimeSpan.FromMinutes(2));

        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+$", SourceTree.Version);
        Assert.Equal(SourceTree.Version + "\n", output);
    }
}
