using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace KneeSpine.Cli.CommandLine;

/// <summary>System.CommandLine's help, followed by the <see cref="DetailedCommand.Details"/> of the command asked about.</summary>
internal sealed class DetailedHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    /// <summary>Puts this action behind <paramref name="root"/>'s help option (which every subcommand shares).</summary>
    public static void Install(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            if (help.Action is HelpAction standard)
            {
                help.Action = new DetailedHelpAction(standard);
            }
        }
    }

    /// <summary>Help answers even a line with errors (as the standard help does).</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var code = standard.Invoke(parseResult);
        if (parseResult.CommandResult.Command is DetailedCommand detailed)
        {
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Details:");
            foreach (var line in detailed.Details.ReplaceLineEndings("\n").Split('\n'))
            {
                output.WriteLine(line.Length == 0 ? "" : "  " + line);
            }
        }

        return code;
    }
}
