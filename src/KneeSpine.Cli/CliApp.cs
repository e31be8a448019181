using System.CommandLine;
using KneeSpine.Cli.CommandLine;

namespace KneeSpine.Cli;

/// <summary>
/// Runs <c>kneespine</c>: parses the arguments, runs the command, and maps every outcome to an exit
/// code (<see cref="ExitCodes"/>). Bad arguments exit 2; an unexpected failure exits 1 with its
/// message only; no stack trace is ever printed.
/// </summary>
internal static class CliApp
{
    public const string Description =
        "KneeSpine: triage and a personal plan for back pain after knee replacement. "
        + "It supports, and does not replace, clinical judgement. In an emergency, call emergency services.";

    /// <summary>The root command with <paramref name="commands"/>, their value parsers and help (see <c>CommandLine/</c>).</summary>
    public static RootCommand CreateRoot(CliConsole console, Func<CliConsole, IEnumerable<Command>> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand(Description);
        foreach (var command in commands(console))
        {
            root.Subcommands.Add(command);
        }

        ValueForm.InstallParsers(root);
        DetailedHelpAction.Install(root);
        return root;
    }

    /// <summary>Runs one command line with the given commands (see Program.cs for the list).</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<CliConsole, IEnumerable<Command>> commands, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(console);
        try
        {
            var parse = CreateRoot(console, commands).Parse(args);
            var problems = ParseProblems.Of(parse);
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    console.WriteError(problem);
                }

                console.WriteError($"Run '{ParseProblems.CommandPath(parse)} --help' to see how to use it.");
                return ExitCodes.InvalidInput;
            }

            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            console.WriteError("cancelled.");
            return ExitCodes.Failure;
        }
#pragma warning disable CA1031 // The last line of defence: any failure becomes a message and exit code 1, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            console.WriteError("unexpected failure: " + e.Message);
            return ExitCodes.Failure;
        }
        finally
        {
            try
            {
                console.Flush();
            }
            catch (IOException)
            {
                // The reader of our output went away (a closed pipe); nothing more can be said.
            }
        }
    }
}
