using System.Text.Json.Serialization;

namespace KneeSpine.Engine.Knowledge;

/// <summary>The knowledge-base file as written (knowledge-base.schema.json); checked and turned into definitions by <see cref="KnowledgeBaseLoader"/>.</summary>
internal sealed record KnowledgeBaseDocument(
    string KnowledgeBaseVersion,
    string Disclaimer,
    KnowledgeBaseDocument.HeadlineSet Headlines,
    IReadOnlyList<KnowledgeBaseDocument.Alert> Alerts,
    IReadOnlyList<KnowledgeBaseDocument.Factor> Factors,
    IReadOnlyList<KnowledgeBaseDocument.PlanItem> PlanItems,
    IReadOnlyList<KnowledgeBaseDocument.Note> Notes,
    IReadOnlyList<KnowledgeBaseDocument.Source> Sources)
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    /// <summary>The two lists of the printed handout; absent only in an archived knowledge base.</summary>
    public HandoutSet? Handout { get; init; }

    internal sealed record HandoutSet(HandoutListEntry Emergency, HandoutListEntry Urgent);

    internal sealed record HandoutListEntry(string Heading, IReadOnlyList<HandoutEntry> Items)
    {
        public string? Intro { get; init; }
    }

    internal sealed record HandoutEntry(IReadOnlyList<string> Alerts, string Text)
    {
        public string? ShowWhen { get; init; }
    }

    internal sealed record HeadlineSet(
        string Emergency,
        string Urgent,
        string Soon,
        [property: JsonPropertyName("self-care")] string SelfCare);

    internal sealed record Alert(string Id, string Level, string Title, string Explanation, string ClinicianText, IReadOnlyList<string> Sources)
    {
        public IReadOnlyList<Variant>? Variants { get; init; }
    }

    internal sealed record Factor(string Id, string Title, string SeedHeading, string Explanation, IReadOnlyList<string> Sources)
    {
        public IReadOnlyList<Variant>? Variants { get; init; }
    }

    internal sealed record PlanItem(string Id, string Title, string PatientText)
    {
        public string? ClinicianText { get; init; }

        public IReadOnlyList<string>? Sources { get; init; }

        public IReadOnlyList<Variant>? Variants { get; init; }
    }

    internal sealed record Variant(string Id)
    {
        public string? Text { get; init; }

        public string? ClinicianText { get; init; }

        public bool Replaces { get; init; }
    }

    internal sealed record Note(string Id, string Text);

    internal sealed record Source(string Id, IReadOnlyList<string> Authors, string Title)
    {
        public string? Label { get; init; }

        public bool MoreAuthors { get; init; }

        public int? Year { get; init; }

        public string? Publication { get; init; }

        public string? Note { get; init; }

        public Uri? Link { get; init; }
    }
}
