namespace KneeSpine.Engine.Input;

/// <summary>The <c>surgery</c> section.</summary>
/// <param name="Date">Date of the knee replacement.</param>
/// <param name="Anesthesia">Anaesthesia used.</param>
public sealed record SurgeryInfo(DateOnly Date, Anesthesia Anesthesia)
{
    /// <summary><c>surgery.side</c>.</summary>
    public SurgerySide? Side { get; init; }

    /// <summary><c>surgery.procedure</c>.</summary>
    public SurgeryProcedure? Procedure { get; init; }

    /// <summary><c>surgery.preoperativeAlignment</c>.</summary>
    public KneeAlignment? PreoperativeAlignment { get; init; }
}
