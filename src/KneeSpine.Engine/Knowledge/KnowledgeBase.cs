using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// The clinical content: ids, levels, titles, texts and citations, loaded from a versioned JSON
/// file (knowledge-base.json, with knowledge-base.schema.json) and checked when loaded.
/// </summary>
/// <remarks>
/// The firing conditions are the specification's and live in the engine's code; this is the
/// content those rules show. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class KnowledgeBase
{
    internal const string ResourceName = "KneeSpine.Engine.Knowledge.knowledge-base.json";

    /// <summary>The knowledge base of specification version 1, kept to display stored version 1 results.</summary>
    internal const string Version1ResourceName = "KneeSpine.Engine.Knowledge.knowledge-base-2026.11.json";

    private static readonly Lazy<KnowledgeBase> DefaultInstance = new(() => LoadEmbedded(ResourceName, archived: false));

    private static readonly Lazy<KnowledgeBase> Version1Instance = new(() => LoadEmbedded(Version1ResourceName, archived: true));

    private readonly string[] headlines;

    internal KnowledgeBase(
        string version,
        string disclaimer,
        string[] headlines,
        DefinitionList<AlertDefinition> alerts,
        DefinitionList<FactorDefinition> factors,
        DefinitionList<PlanItemDefinition> planItems,
        DefinitionList<NoteDefinition> notes,
        DefinitionList<SourceDefinition> sources)
    {
        Version = version;
        Disclaimer = disclaimer;
        this.headlines = headlines;
        Alerts = alerts;
        Factors = factors;
        PlanItems = planItems;
        Notes = notes;
        Sources = sources;
    }

    /// <summary>The knowledge base shipped with the engine (an embedded resource), loaded once.</summary>
    /// <exception cref="KnowledgeBaseException">The embedded file is broken.</exception>
    public static KnowledgeBase Default => DefaultInstance.Value;

    /// <summary>
    /// The knowledge base of specification version 1 (<c>2026.11</c>), archived: it only resolves the
    /// ids, titles, clinician texts and citations of stored version 1 results for display. It cannot
    /// evaluate (version 1 inputs are invalid now) and has no <see cref="Handout"/>.
    /// </summary>
    /// <exception cref="KnowledgeBaseException">The embedded file is broken.</exception>
    public static KnowledgeBase Version1 => Version1Instance.Value;

    /// <summary>
    /// The knowledge base that made a result of <paramref name="knowledgeBaseVersion"/>, to display it
    /// with its own titles and citations: <see cref="Default"/> or an archived one.
    /// </summary>
    /// <returns><see langword="false"/> when no knowledge base of that version ships with the engine.</returns>
    public static bool TryGetVersion(string knowledgeBaseVersion, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnowledgeBase? knowledgeBase)
    {
        knowledgeBase = knowledgeBaseVersion == Default.Version ? Default
            : knowledgeBaseVersion == Version1.Version ? Version1
            : null;
        return knowledgeBase is not null;
    }

    /// <summary>The knowledge base to display <paramref name="result"/> with: the one that made it when it ships with the engine, else <see cref="Default"/>.</summary>
    public static KnowledgeBase For(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TryGetVersion(result.KnowledgeBaseVersion, out var knowledgeBase) ? knowledgeBase : Default;
    }

    /// <summary>Whether this knowledge base is kept only to display old results (it cannot evaluate).</summary>
    public bool IsArchived { get; internal init; }

    /// <summary>The two lists of the printed handout (emergency and urgent signs); <see langword="null"/> only for an archived knowledge base.</summary>
    public HandoutLists? Handout { get; internal init; }

    /// <summary>Version of the content, e.g. <c>2026.12</c>; every result carries it.</summary>
    public string Version { get; }

    /// <summary>States that KneeSpine supports, and does not replace, clinical judgement. Show it with every result.</summary>
    public string Disclaimer { get; }

    /// <summary>Alerts in the order of the alerts table.</summary>
    public DefinitionList<AlertDefinition> Alerts { get; }

    /// <summary>Factors in the order of the factors table.</summary>
    public DefinitionList<FactorDefinition> Factors { get; }

    /// <summary>Plan items in the order of the plan table.</summary>
    public DefinitionList<PlanItemDefinition> PlanItems { get; }

    /// <summary>Remarks for the clinician that results may carry in <c>notes</c>.</summary>
    public DefinitionList<NoteDefinition> Notes { get; }

    /// <summary>Every source cited, with its full citation.</summary>
    public DefinitionList<SourceDefinition> Sources { get; }

    /// <summary>The plain-language sentence that tells the patient what to do at <paramref name="level"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is not a declared level.</exception>
    public string Headline(TriageLevel level) =>
        (uint)level < (uint)headlines.Length ? headlines[(int)level] : throw new ArgumentOutOfRangeException(nameof(level), level, "Not a triage level.");

    /// <summary>Loads and checks a knowledge base from UTF-8 JSON (knowledge-base.schema.json).</summary>
    /// <exception cref="KnowledgeBaseException">The file is not valid JSON for the schema, or its content is inconsistent; the message lists every problem.</exception>
    public static KnowledgeBase Load(ReadOnlySpan<byte> utf8Json) => KnowledgeBaseLoader.Load(utf8Json);

    private static KnowledgeBase LoadEmbedded(string resourceName, bool archived)
    {
        using var stream = typeof(KnowledgeBase).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new KnowledgeBaseException([$"The engine assembly has no embedded resource '{resourceName}'."]);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return KnowledgeBaseLoader.Load(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), archived);
    }
}
