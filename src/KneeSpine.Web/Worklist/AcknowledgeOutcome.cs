using KneeSpine.Store.Worklist;

namespace KneeSpine.Web.Worklist;

/// <summary>What an acknowledgement did: stored it, or why not.</summary>
public sealed record AcknowledgeOutcome(WorklistItem? Item, IReadOnlyList<KeyValuePair<string, string>> Errors, bool NotFound, bool AlreadyAcknowledged)
{
    public static AcknowledgeOutcome Done(WorklistItem item) => new(item, [], false, false);

    public static AcknowledgeOutcome Invalid(IReadOnlyList<KeyValuePair<string, string>> errors) => new(null, errors, false, false);

    public static AcknowledgeOutcome Missing() => new(null, [], true, false);

    /// <summary>Someone acknowledged it first; <paramref name="item"/> shows who.</summary>
    public static AcknowledgeOutcome Conflict(WorklistItem item) => new(item, [], false, true);
}
