namespace KneeSpine.Web.Handouts;

/// <summary>One list of warning signs as printed: its heading, an optional first line, and the signs in the patient's words.</summary>
/// <param name="Level">"emergency" for the ambulance list, "urgent" for the same-day list.</param>
/// <param name="Heading">The list's heading.</param>
/// <param name="Intro">The line before the signs, when any.</param>
/// <param name="Items">The signs.</param>
public sealed record HandoutSignList(string Level, string Heading, string? Intro, IReadOnlyList<string> Items);
