using System.Text;

namespace KneeSpine.Engine.Knowledge;

/// <summary>Formats sources in one style (Vancouver-like) for every surface: result pages, handout, FHIR and the CLI.</summary>
public static class CitationFormatter
{
    /// <summary>The full reference: authors. title. publication (note).</summary>
    public static string Text(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder();
        if (source.Authors.Count > 0)
        {
            text.Append(string.Join(", ", source.Authors));
            text.Append(source.MoreAuthors ? " et al. " : ". ");
        }

        text.Append(Sentence(source.Title));
        var publication = source.Publication ?? source.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (publication is not null)
        {
            text.Append(' ').Append(publication);
            text.Append(source.Note is null ? "." : $" ({source.Note}).");
        }
        else if (source.Note is not null)
        {
            text.Append(" (").Append(source.Note).Append(").");
        }

        return text.ToString();
    }

    /// <summary>The short label where a source is cited: its own label, else "Surname 2020", "Surname and Surname 2020" or "Surname et al. 2020".</summary>
    public static string Label(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Label is not null)
        {
            return source.Label;
        }

        var names = source.Authors.Select(Surname).ToList();
        var who = names.Count switch
        {
            0 => source.Title,
            1 when !source.MoreAuthors => names[0],
            2 when !source.MoreAuthors => $"{names[0]} and {names[1]}",
            _ => names[0] + " et al.",
        };
        return source.Year is { } year ? $"{who} {year}" : who;
    }

    /// <summary>The citations of the sources with the given ids, numbered in the order given; ids repeat only once.</summary>
    /// <param name="knowledgeBase">The knowledge base the ids belong to (the archived one for an old result).</param>
    /// <param name="ids">Source ids in order of first citation.</param>
    public static IReadOnlyList<Citation> Cite(KnowledgeBase knowledgeBase, IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        return [.. ids.Distinct(StringComparer.Ordinal).Select((id, index) => Cite(knowledgeBase, id, index + 1))];
    }

    private static Citation Cite(KnowledgeBase knowledgeBase, string id, int number) =>
        knowledgeBase.Sources.TryGet(id, out var source)
            ? new Citation(number, Label(source), Text(source), source.Link)
            // Stored results are checked against their knowledge base when read, so this is a safety net: the id itself is never shown.
            : new Citation(number, "Unlisted source", $"A source not listed in knowledge base {knowledgeBase.Version}.", null);

    private static string Sentence(string text) => text.EndsWith('?') || text.EndsWith('.') ? text : text + ".";

    /// <summary>"Finucane LM" gives "Finucane"; an organisation's name stays whole.</summary>
    private static string Surname(string author)
    {
        var space = author.LastIndexOf(' ');
        if (space <= 0)
        {
            return author;
        }

        var initials = author[(space + 1)..];
        return initials.Length <= 4 && initials.All(c => char.IsUpper(c) || c == '-') ? author[..space] : author;
    }
}
