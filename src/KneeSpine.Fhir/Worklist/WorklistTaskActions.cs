namespace KneeSpine.Fhir.Worklist;

/// <summary>
/// The worklist's actions (code system <see cref="Terminology.KneeSpineCodeSystems.WorklistAction"/>). The store's
/// WorklistAction enum has the same codes; a web test holds the two lists equal.
/// </summary>
public static class WorklistTaskActions
{
    public static IReadOnlyList<(string Code, string Display)> All { get; } =
    [
        ("called-patient", "Called the patient"),
        ("advised-emergency-department", "Advised the emergency department"),
        ("appointment-booked", "Booked an appointment"),
        ("reviewed-no-action", "Reviewed: no action needed"),
        ("other", "Other (see the note)"),
    ];

    /// <summary>The display of <paramref name="code"/>; the code itself when unknown.</summary>
    public static string Display(string code) => All.FirstOrDefault(a => a.Code == code).Display ?? code;
}
