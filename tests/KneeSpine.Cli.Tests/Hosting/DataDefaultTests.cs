using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Cli.Tests.Processes;

namespace KneeSpine.Cli.Tests.Hosting;

/// <summary>
/// The real executable, as a newcomer runs it: commands without <c>--data</c> share one database (./kneespine-data under
/// the current folder, or <c>KneeSpine__DataDirectory</c>), the one that <c>serve</c> uses too.
/// </summary>
public sealed class DataDefaultTests
{
    private static readonly Dictionary<string, string> NoSettings = [];

    [Fact]
    public async Task Commands_without_data_use_one_database_under_the_current_folder()
    {
        using var folder = new TempDataDirectory();

        var (addCode, id, _) = await KneeSpineExecutable.RunInAsync(folder.Path, null, NoSettings,
            "patient", "add", "--name", "Shared Default", "--birth-date", "1950-05-06", "--sex", "other");
        var (userCode, _, userError) = await KneeSpineExecutable.RunInAsync(folder.Path, "a long enough password\n", NoSettings,
            "user", "add", "--email", "shared@example.org", "--role", "patient", "--patient", id.Trim());
        var (listCode, list, _) = await KneeSpineExecutable.RunInAsync(folder.Path, null, NoSettings, "patient", "list");
        var (auditCode, audit, _) = await KneeSpineExecutable.RunInAsync(folder.Path, null, NoSettings, "audit", "--patient", id.Trim());

        Assert.Equal((0, 0, 0, 0), (addCode, userCode, listCode, auditCode));
        Assert.Contains(id.Trim() + "  Shared Default", list, StringComparison.Ordinal);
        Assert.Contains("user-create", audit, StringComparison.Ordinal);
        Assert.Contains("patient-create", audit, StringComparison.Ordinal);
        Assert.Equal(["kneespine-data"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(folder.Path, "kneespine-data", "kneespine.db")), userError);
    }

    [Fact]
    public async Task The_data_directory_setting_in_the_environment_is_the_default_and_data_still_overrides_it()
    {
        using var folder = new TempDataDirectory();
        var configured = Path.Combine(folder.Path, "configured");
        var elsewhere = Path.Combine(folder.Path, "elsewhere");
        var environment = new Dictionary<string, string> { ["KneeSpine__DataDirectory"] = configured };

        var (addCode, id, _) = await KneeSpineExecutable.RunInAsync(folder.Path, null, environment,
            "patient", "add", "--name", "Configured Place", "--birth-date", "1950-05-06", "--sex", "other");
        var (_, byExplicitPath, _) = await KneeSpineExecutable.RunInAsync(null, null, NoSettings, "patient", "list", "--data", configured);
        var (_, overridden, _) = await KneeSpineExecutable.RunInAsync(folder.Path, null, environment, "patient", "list", "--data", elsewhere);

        Assert.Equal(0, addCode);
        Assert.Contains(id.Trim() + "  Configured Place", byExplicitPath, StringComparison.Ordinal);
        Assert.Equal("No patients match.\n", overridden);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "kneespine-data")));
    }
}
