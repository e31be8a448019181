namespace KneeSpine.Engine.Knowledge;

/// <summary>
/// The two lists printed on every handout, whatever the triage (clinical-rules.md, "Printed handout"):
/// signs on which an emergency alert fires (plus one piece of general advice), and signs on which an
/// urgent alert fires (plus the self-monitoring advice). The soon alerts are not on the handout.
/// </summary>
/// <remarks>Checked at load: each list names only alerts of its own level, and every emergency and urgent alert is on its list.</remarks>
/// <param name="Emergency">"Call an ambulance now if you have any of these".</param>
/// <param name="Urgent">"Contact your care team today if you have any of these".</param>
public sealed record HandoutLists(HandoutList Emergency, HandoutList Urgent);
