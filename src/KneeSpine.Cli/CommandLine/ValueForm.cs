using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace KneeSpine.Cli.CommandLine;

/// <summary>
/// How a typed option or argument value is written (a UUID, a whole number, a date), so that a value that does not read
/// is refused naming the option and the expected form, e.g. <c>--patient: 'nonsense' is not a patient id (a UUID such
/// as 3f2b8c1e-...)</c>, instead of System.CommandLine's message with the .NET type name.
/// </summary>
internal sealed record ValueForm(string Kind, string Example)
{
    public static readonly ValueForm Uuid = new("a UUID", "3f2b8c1e-5d4a-4c3b-9a1f-0e2d4c6b8a79");

    public static readonly ValueForm WholeNumber = new("a whole number", "30");

    public static readonly ValueForm Date = new("a date as YYYY-MM-DD", "1950-03-14");

    /// <summary>
    /// Gives every option and argument of <paramref name="command"/> and its subcommands whose type is a UUID, a whole
    /// number or a date, and that has no parser of its own, a parser with such a message.
    /// </summary>
    public static void InstallParsers(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<Guid> o when o.CustomParser is null: o.CustomParser = r => Read(r, Uuid, ReadGuid); break;
                case Option<Guid?> o when o.CustomParser is null: o.CustomParser = r => Read(r, Uuid, ReadGuid); break;
                case Option<int> o when o.CustomParser is null: o.CustomParser = r => Read(r, WholeNumber, ReadInt); break;
                case Option<int?> o when o.CustomParser is null: o.CustomParser = r => Read(r, WholeNumber, ReadInt); break;
                case Option<DateOnly> o when o.CustomParser is null: o.CustomParser = r => Read(r, Date, ReadDate); break;
                case Option<DateOnly?> o when o.CustomParser is null: o.CustomParser = r => Read(r, Date, ReadDate); break;
            }
        }

        foreach (var subcommand in command.Subcommands)
        {
            InstallParsers(subcommand);
        }
    }

    /// <summary>Makes <paramref name="option"/> a whole number from <paramref name="min"/> to <paramref name="max"/>, refused naming both.</summary>
    public static void WholeNumberFrom(Option<int> option, int min, int max)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = r => Read<int>(r, WholeNumber, text => ReadInt(text) is { } n && n >= min && n <= max ? n : (int?)null, $"from {min} to {max}");
    }

    /// <summary>Makes <paramref name="option"/> a whole number of at least <paramref name="min"/>, refused naming it.</summary>
    public static void WholeNumberFrom(Option<int?> option, int min)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = r => Read<int>(r, WholeNumber, text => ReadInt(text) is { } n && n >= min ? n : (int?)null, $"of at least {min}");
    }

    /// <summary>The message for a value that does not read: <c>--patient: 'x' is not a patient id (a UUID such as ...).</c></summary>
    public string Refusal(ArgumentResult result, string text, string? range = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var (name, helpName) = result.Parent is OptionResult option
            ? (option.Option.Name, option.Option.HelpName)
            : ("<" + result.Argument.Name + ">", result.Argument.HelpName);
        var what = string.IsNullOrEmpty(helpName) ? null : "a " + helpName.Replace('-', ' ').ToLowerInvariant();
        var kind = range is null ? Kind : Kind + " " + range;
        return what is null
            ? $"{name}: '{text}' is not {kind} (such as {Example})."
            : $"{name}: '{text}' is not {what} ({kind} such as {Example}).";
    }

    private static T Read<T>(ArgumentResult result, ValueForm form, Func<string, T?> read, string? range = null)
        where T : struct
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (read(text) is { } value)
        {
            return value;
        }

        result.AddError(form.Refusal(result, text, range));
        return default;
    }

    private static Guid? ReadGuid(string text) => Guid.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static int? ReadInt(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static DateOnly? ReadDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
