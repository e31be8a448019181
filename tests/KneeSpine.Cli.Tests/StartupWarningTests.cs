using System.Text.RegularExpressions;
using KneeSpine.Cli.Tests.Processes;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Cli.Tests;

/// <summary>
/// What a newcomer reads when the real <c>kneespine serve</c> first starts on an empty data folder: each warning once,
/// none repeated by the framework in other words, and each one listed in README's "Warnings at start".
/// </summary>
public sealed partial class StartupWarningTests
{
    [Fact]
    public async Task A_first_start_logs_each_warning_once_and_readme_lists_every_one()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabaseKind.Sqlite);
        string log;
        await using (var server = await ServerProcess.StartAsync(database))
        {
            log = server.Log;
        }

        var warnings = WarningLine().Matches(log).Select(m => (Category: m.Groups["category"].Value, Message: m.Groups["message"].Value.Trim())).ToList();

        Assert.All(warnings.GroupBy(w => w.Category), g => Assert.True(g.Count() == 1, $"{g.Key} warned {g.Count()} times:\n{log}"));
        Assert.Contains(warnings, w => w.Category == "KneeSpine.Web.Accounts.AdminBootstrapper");
        Assert.Contains(warnings, w => w.Category == "KneeSpine.Web.DataProtection.KeyRingInitializer");
        Assert.DoesNotContain(warnings, w => w.Category.StartsWith("Microsoft.", StringComparison.Ordinal));
        var readme = RepositorySpec.Readme;
        Assert.All(warnings, w =>
        {
            var opening = string.Join(' ', w.Message.Split(' ').Take(5));
            Assert.True(readme.Contains(opening, StringComparison.Ordinal), $"README does not list the warning \"{opening} ...\"");
        });
    }

    // The console logger's form: "warn: Category[event id]" and the message indented on the next line.
    [GeneratedRegex(@"^warn: (?<category>[^\[\r\n]+)\[\d+\]\r?\n\s+(?<message>[^\r\n]+)", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
