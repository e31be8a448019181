using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KneeSpine.Cli.CommandLine;

/// <summary>
/// What is wrong with a command line, in words that name the option at fault, for every command alike: an unknown option
/// by its name (with the closest known one), a value that does not read by its option and expected form
/// (<see cref="ValueForm"/>), any other problem prefixed with the option it concerns.
/// </summary>
internal static class ParseProblems
{
    /// <summary>The problems, or none when the command line can run.</summary>
    public static IReadOnlyList<string> Of(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.Action is { ClearsParseErrors: true })
        {
            // --help and --version answer whatever else is on the line.
            return [];
        }

        // An unknown option comes first and alone: System.CommandLine takes it for a value, so the errors it gives
        // (a file named as unrecognised, a missing argument) are only its consequences.
        var unknown = UnknownOptions(parse);
        return unknown.Count > 0 ? unknown : [.. parse.Errors.Select(Describe).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The command line's command as typed, e.g. <c>kneespine user add</c>, for "Run '... --help'".</summary>
    public static string CommandPath(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var names = new List<string>();
        for (SymbolResult? result = parse.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult command)
            {
                names.Add(command.Command is RootCommand ? "kneespine" : command.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    private static string Describe(ParseError error)
    {
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        return option is null || error.Message.Contains(option.Name, StringComparison.Ordinal)
            ? error.Message
            : $"{option.Name}: {error.Message}";
    }

    private static List<string> UnknownOptions(ParseResult parse)
    {
        var known = KnownOptionNames(parse.CommandResult);
        var problems = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            var name = token.Value.Split('=', ':')[0];
            if (token.Type == TokenType.Argument && LooksLikeOption(name) && !known.Contains(name))
            {
                var closest = Closest(name, known);
                problems.Add($"Unknown option '{name}' for '{CommandPath(parse)}'." + (closest is null ? "" : $" Did you mean '{closest}'?"));
            }
        }

        return problems;
    }

    // "-" alone is standard input and "-3" a number, not options.
    private static bool LooksLikeOption(string text) =>
        text.Length > 1 && text[0] == '-' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private static HashSet<string> KnownOptionNames(CommandResult command)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (SymbolResult? result = command; result is not null; result = result.Parent)
        {
            if (result is CommandResult c)
            {
                foreach (var option in c.Command.Options.Where(o => ReferenceEquals(c, command) || o.Recursive))
                {
                    names.Add(option.Name);
                    names.UnionWith(option.Aliases);
                }
            }
        }

        return names;
    }

    /// <summary>The known long option nearest in spelling, when it is near enough to be a likely typo.</summary>
    private static string? Closest(string name, IEnumerable<string> known)
    {
        var best = known.Where(k => k.StartsWith("--", StringComparison.Ordinal))
            .Select(k => (Name: k, Distance: EditDistance.Between(name, k)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Name : null;
    }
}
