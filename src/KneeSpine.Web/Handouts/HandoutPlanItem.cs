namespace KneeSpine.Web.Handouts;

/// <summary>One plan item as the patient reads it.</summary>
/// <param name="Title">Short title, e.g. "Physical therapy".</param>
/// <param name="Text">What to do, in plain language.</param>
public sealed record HandoutPlanItem(string Title, string Text);
