using System.Text;
using KneeSpine.Cli.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Cli.Tests.Accounts;
using KneeSpine.Web.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tests.Readme;

/// <summary>
/// README's commands work as written, from a clone, on a fresh data folder: every <c>kneespine</c> line parses, every one
/// that ends by itself runs with exit code 0, and README's sample output is what the commands really print.
/// </summary>
public sealed class ReadmeTests : IDisposable
{
    private const string Password = "a long enough password";

    private readonly TempDataDirectory _work = new();

    private static IReadOnlyList<ReadmeCommand> Commands { get; } = ReadmeCommand.All(RepositorySpec.Readme);

    private static string SpecFolder => RepositorySpec.Directory;

    [Fact]
    public void Readme_shows_each_command_and_gives_every_data_command_the_same_data_folder()
    {
        var names = Commands.Select(c => c.Arguments[0]).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(["serve", "user", "assess", "patient", "token", "audit", "export", "import"]), names);
        var dataCommands = Commands.Where(c => c.Arguments[0] is not "assess").ToList();
        Assert.All(dataCommands, c => Assert.True(Value(c, "--data") == "./kneespine-data", $"no --data ./kneespine-data: {c.Line}"));
    }

    [Fact]
    public void Every_readme_command_line_parses()
    {
        using var console = new CliConsole(new MemoryStream(), new MemoryStream(), new StringWriter(), false, true);
        var root = CliApp.CreateRoot(console, CliCommands.All);
        // PATIENT-ID stands for an id that 'patient list' shows.
        var anyId = Guid.NewGuid().ToString();
        Assert.All(Commands, c => Assert.Empty(ParseProblems.Of(root.Parse([.. c.Arguments.Select(a => a == "PATIENT-ID" ? anyId : a)]))));
    }

    [Fact]
    public async Task Readme_commands_run_as_written_in_order_on_a_fresh_data_folder_and_print_what_readme_shows()
    {
        await File.WriteAllTextAsync(Path.Combine(_work.Path, "visits.ndjson"),
            (await File.ReadAllTextAsync(Path.Combine(SpecFolder, "examples", "04-fever-after-surgery.input.json"), TestContext.Current.CancellationToken))
            .ReplaceLineEndings(" ") + "\n", TestContext.Current.CancellationToken);
        string? patientId = null;
        var ran = new List<string>();
        foreach (var command in Commands)
        {
            var args = command.Arguments.Select(a => Local(a, patientId)).ToArray();
            if (args[0] == "serve")
            {
                // It runs until stopped (ServeCommandTests start it); what it leaves behind, the demo patients, is made here.
                if (args.Contains("--demo"))
                {
                    await SeedDemoAsync(Value(command, "--data")!);
                }

                continue;
            }

            var input = command.StandardInputFile is { } file ? await File.ReadAllBytesAsync(Local(file, patientId), TestContext.Current.CancellationToken)
                : Encoding.UTF8.GetBytes(Password + "\n");
            var run = await CliRun.RunAsync(input, terminal: false, noColor: true, args);

            Assert.True(run.ExitCode == 0, $"{command.Line}\nexited {run.ExitCode}: {run.Error}");
            ran.Add(command.Line);
            if (args is ["patient", "add", ..])
            {
                patientId = run.Output.Trim();
            }

            if (command.SampleOutput is { } sample)
            {
                AssertShows(command, sample, run.Output);
            }
        }

        Assert.Contains(ran, l => l.Contains("patient list", StringComparison.Ordinal));
        Assert.Contains(ran, l => l.Contains("assess spec/examples/", StringComparison.Ordinal));
        Assert.Contains(ran, l => l.Contains("PATIENT-ID", StringComparison.Ordinal));
    }

    public void Dispose() => _work.Dispose();

    /// <summary>
    /// README's sample is the real output, abbreviated: its lines appear in the real output in the same order; a line
    /// ending in "..." stands for a line that starts with the text before it; a line of "..." alone for any lines.
    /// For a table (a sample whose first line is a heading in capitals) the heading must be the real heading.
    /// </summary>
    private static void AssertShows(ReadmeCommand command, string sample, string output)
    {
        var real = output.ReplaceLineEndings("\n").Split('\n');
        var lines = sample.TrimEnd('\n').Split('\n');
        if (lines[0] == lines[0].ToUpperInvariant() && lines[0].StartsWith("ID ", StringComparison.Ordinal))
        {
            Assert.True(lines[0] == real[0], $"{command.Line}\nREADME shows the heading\n{lines[0]}\nbut the command prints\n{real[0]}");
            return;
        }

        var at = 0;
        foreach (var line in lines)
        {
            if (line.Trim() is "..." or "")
            {
                continue;
            }

            var prefix = line.EndsWith(" ...", StringComparison.Ordinal) ? line[..^" ...".Length] : null;
            var found = Array.FindIndex(real, at, r => prefix is null ? r == line : r.StartsWith(prefix, StringComparison.Ordinal));
            Assert.True(found >= 0, $"{command.Line}\nREADME shows a line that the real output does not have (at or after line {at + 1}):\n{line}\n--- real output ---\n{output}");
            at = found + 1;
        }
    }

    private async Task SeedDemoAsync(string data)
    {
        await using var app = await CliServices.OpenAsync(Local(data, null), TestContext.Current.CancellationToken);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(TestContext.Current.CancellationToken);
    }

    private static string? Value(ReadmeCommand command, string option)
    {
        var at = command.Arguments.ToList().IndexOf(option);
        return at >= 0 && at + 1 < command.Arguments.Count ? command.Arguments[at + 1] : null;
    }

    /// <summary>README's relative paths in the clone and the work folder; its PATIENT-ID, the one <c>patient add</c> printed.</summary>
    private string Local(string word, string? patientId) => word switch
    {
        "PATIENT-ID" => patientId ?? throw new InvalidOperationException("README uses PATIENT-ID before any 'patient add'."),
        _ when word.StartsWith("spec/", StringComparison.Ordinal) => Path.Combine(SpecFolder, word["spec/".Length..]),
        _ when word.StartsWith("./", StringComparison.Ordinal) => Path.Combine(_work.Path, word[2..]),
        _ when (word.EndsWith(".ndjson", StringComparison.Ordinal) || word.EndsWith(".db", StringComparison.Ordinal)) && !word.Contains('/', StringComparison.Ordinal) => Path.Combine(_work.Path, word),
        _ => word,
    };
}
