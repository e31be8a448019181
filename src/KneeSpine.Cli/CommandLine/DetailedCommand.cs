using System.CommandLine;

namespace KneeSpine.Cli.CommandLine;

/// <summary>
/// A command with a one-line summary, which the list of commands in <c>kneespine --help</c> shows, and a longer text
/// (input format, examples, exit codes) that only its own <c>--help</c> shows, after the usage and options.
/// </summary>
internal sealed class DetailedCommand(string name, string summary, string details) : Command(name, summary)
{
    public string Details { get; } = details;
}
