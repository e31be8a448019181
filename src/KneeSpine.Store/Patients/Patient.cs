using KneeSpine.Engine.Input;
using KneeSpine.Store.Accounts;

namespace KneeSpine.Store.Patients;

/// <summary>A person followed after knee replacement. Surgery details mirror the latest assessment so lists can show them without reading JSON.</summary>
public sealed class Patient
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    public DateOnly BirthDate { get; set; }

    public Sex Sex { get; set; }

    public DateOnly? SurgeryDate { get; set; }

    public SurgerySide? SurgerySide { get; set; }

    public SurgeryProcedure? SurgeryProcedure { get; set; }

    public Anesthesia? Anesthesia { get; set; }

    /// <summary>Where follow-up reminders go; optional.</summary>
    public string? Email { get; set; }

    public string? Phone { get; set; }

    /// <summary>The patient asked for no reminder emails (set on <c>/me</c>).</summary>
    public bool RemindersOptedOut { get; set; }

    /// <summary>Seeded by <c>--demo</c>: fictional, never a real person.</summary>
    public bool IsDemo { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The patient's own account, when one is linked.</summary>
    public KneeSpineUser? User { get; set; }
}
