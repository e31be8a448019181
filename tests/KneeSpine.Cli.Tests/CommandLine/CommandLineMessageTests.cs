namespace KneeSpine.Cli.Tests.CommandLine;

/// <summary>
/// Wrong command lines, for every command alike: the message names the option at fault and the expected form, the hint
/// names the command as typed, exit code 2, no stack trace, and nothing is stored.
/// </summary>
public sealed class CommandLineMessageTests
{
    [Theory]
    [InlineData("user add --email x@example.org --role patient --patient nonsense",
        "--patient: 'nonsense' is not a patient id (a UUID such as ", "kneespine user add")]
    [InlineData("audit --patient 12345", "--patient: '12345' is not a patient id (a UUID such as ", "kneespine audit")]
    [InlineData("token create --user x@example.org --days soon", "--days: 'soon' is not a whole number from 1 to 3650 (such as 30).", "kneespine token create")]
    [InlineData("token create --user x@example.org --days 0", "--days: '0' is not a whole number from 1 to 3650", "kneespine token create")]
    [InlineData("patient add --name Ada --birth-date 14/03/1950 --sex female",
        "--birth-date: '14/03/1950' is not a date as YYYY-MM-DD (such as 1950-03-14).", "kneespine patient add")]
    [InlineData("user add --email x@example.org --role superuser", "--role: Argument 'superuser' not recognized", "kneespine user add")]
    public async Task A_value_that_does_not_read_names_the_option_and_the_expected_form(string commandLine, string message, string command)
    {
        using var data = new Accounts.TempDataDirectory();

        var run = await CliRun.RunWithInputAsync("a long enough password\n", [.. commandLine.Split(' '), "--data", data.Path]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("kneespine: " + message, run.Error, StringComparison.Ordinal);
        Assert.EndsWith($"kneespine: Run '{command} --help' to see how to use it.\n", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.False(run.PrintedStackTrace, run.Error);
        Assert.Empty(Directory.GetFileSystemEntries(data.Path));
    }

    [Theory]
    [InlineData("assess --jsn visit.json", "Unknown option '--jsn' for 'kneespine assess'. Did you mean '--json'?")]
    [InlineData("assess visit.json --ndjon", "Unknown option '--ndjon' for 'kneespine assess'. Did you mean '--ndjson'?")]
    [InlineData("user add --emial x@example.org --role admin", "Unknown option '--emial' for 'kneespine user add'. Did you mean '--email'?")]
    [InlineData("audit --patients=3f2b8c1e-5d4a-4c3b-9a1f-0e2d4c6b8a79", "Unknown option '--patients' for 'kneespine audit'. Did you mean '--patient'?")]
    [InlineData("export --out x --colour", "Unknown option '--colour' for 'kneespine export'.")]
    public async Task An_unknown_option_is_named_with_the_closest_known_one_instead_of_blaming_the_next_argument(string commandLine, string message)
    {
        var run = await CliRun.RunAsync(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("kneespine: " + message, lines[0]);
        Assert.DoesNotContain("visit.json", run.Error, StringComparison.Ordinal);
        Assert.StartsWith("kneespine: Run '", lines[^1], StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_dash_alone_and_values_after_a_double_dash_are_not_taken_for_options()
    {
        var stdin = await CliRun.RunWithInputAsync("{}", "assess", "-");
        var afterDoubleDash = await CliRun.RunAsync("assess", "--", "--visit.json");

        Assert.DoesNotContain("Unknown option", stdin.Error, StringComparison.Ordinal);
        Assert.Contains("cannot read '--visit.json'", afterDoubleDash.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_at_the_top_is_a_short_list_of_commands()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.Equal(0, run.ExitCode);
        var commands = run.Output[run.Output.IndexOf("Commands:", StringComparison.Ordinal)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        foreach (var name in new[] { "assess", "serve", "user", "token", "patient", "import", "export", "audit" })
        {
            Assert.Contains(commands, line => line.TrimStart().StartsWith(name + " ", StringComparison.Ordinal));
        }

        // One line per command: none of the long help (the smallest input, the examples) is repeated here.
        Assert.All(commands, line => Assert.Matches(@"^  [a-z]", line));
        Assert.DoesNotContain("schemaVersion", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exit codes", run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.Split('\n').Length < 30, run.Output);
    }

    [Theory]
    [InlineData("assess", "Smallest valid input:")]
    [InlineData("audit", "Reading the trail is itself recorded")]
    public async Task A_command_s_own_help_keeps_its_details(string command, string detail)
    {
        var run = await CliRun.RunAsync(command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("Details:", run.Output, StringComparison.Ordinal);
        Assert.Contains(detail, run.Output, StringComparison.Ordinal);
        Assert.True(run.Output.IndexOf("Options:", StringComparison.Ordinal) < run.Output.IndexOf(detail, StringComparison.Ordinal));
    }
}
