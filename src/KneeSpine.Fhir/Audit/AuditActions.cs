using KneeSpine.Fhir.Terminology;
using CRUDE = Hl7.Fhir.Model.AuditEvent.AuditEventAction;

namespace KneeSpine.Fhir.Audit;

/// <summary>
/// KneeSpine's audit actions (code system <see cref="KneeSpineCodeSystems.AuditAction"/>), each with the standard
/// DICOM event type it is an instance of. The store's AuditAction enum has the same codes; a web test holds the two
/// lists equal.
/// </summary>
public static class AuditActions
{
    public static IReadOnlyList<AuditActionDefinition> All { get; } =
    [
        new("patient-create", "Patient record created", StandardCodes.PatientRecordEvent, null, CRUDE.C),
        new("patient-list", "Patients listed or searched", StandardCodes.QueryEvent, null, CRUDE.E),
        new("patient-read", "Patient record read", StandardCodes.PatientRecordEvent, null, CRUDE.R),
        new("record-read", "Whole patient record read ($everything)", StandardCodes.PatientRecordEvent, null, CRUDE.R),
        new("assessment-create", "Assessment stored", StandardCodes.PatientRecordEvent, null, CRUDE.C),
        new("assessment-revise", "Assessment edited (new version)", StandardCodes.PatientRecordEvent, null, CRUDE.U),
        new("assessment-list", "Assessments listed", StandardCodes.PatientRecordEvent, null, CRUDE.E),
        new("assessment-read", "Assessment read", StandardCodes.PatientRecordEvent, null, CRUDE.R),
        new("handout-download", "PDF handout downloaded", StandardCodes.PatientRecordEvent, null, CRUDE.R),
        new("cds-patient-view", "CDS Hooks patient-view call", StandardCodes.PatientRecordEvent, null, CRUDE.E),
        new("cds-feedback", "CDS Hooks card feedback", StandardCodes.ApplicationActivityEvent, null, CRUDE.C),
        new("login", "Sign-in attempt", StandardCodes.UserAuthenticationEvent, StandardCodes.LoginSubtype, CRUDE.E),
        new("logout", "Sign-out", StandardCodes.UserAuthenticationEvent, StandardCodes.LogoutSubtype, CRUDE.E),
        new("password-change", "Password changed", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("token-create", "Personal access token created", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.C),
        new("token-revoke", "Personal access token revoked", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.D),
        new("token-use", "Personal access token presented", StandardCodes.UserAuthenticationEvent, null, CRUDE.E),
        new("access-denied", "Signed-in route refused", StandardCodes.SecurityAlertEvent, null, CRUDE.E),
        new("user-create", "Account created", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.C),
        new("user-list", "Accounts listed", StandardCodes.QueryEvent, null, CRUDE.E),
        new("audit-read", "Audit trail read", StandardCodes.AuditLogUsedEvent, null, CRUDE.R),
        new("bulk-import", "Records imported (NDJSON)", StandardCodes.ImportEvent, null, CRUDE.C),
        new("bulk-export", "Store exported (NDJSON)", StandardCodes.ExportEvent, null, CRUDE.R),
        new("database-backup", "Database backed up", StandardCodes.ExportEvent, null, CRUDE.R),
        new("database-restore", "Database restored from a backup", StandardCodes.ImportEvent, null, CRUDE.C),
        new("worklist-read", "Worklist items read", StandardCodes.QueryEvent, null, CRUDE.E),
        new("worklist-acknowledge", "Worklist item acknowledged", StandardCodes.PatientRecordEvent, null, CRUDE.U),
        new("outbox-read", "Outbox read", StandardCodes.ApplicationActivityEvent, null, CRUDE.R),
        new("outbox-retry", "Outbox message retried now", StandardCodes.ApplicationActivityEvent, null, CRUDE.U),
        new("patient-contact-change", "Patient email or phone changed", StandardCodes.PatientRecordEvent, null, CRUDE.U),
        new("reminder-preference-change", "Reminder emails switched off or on", StandardCodes.PatientRecordEvent, null, CRUDE.U),
        new("user-disable", "Account disabled", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("user-enable", "Account enabled again", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("user-unlock", "Account lockout ended", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("user-role-change", "Account role changed", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("password-reset-issue", "Password reset link made", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.C),
        new("password-reset", "Password set with a reset link", StandardCodes.SecurityAlertEvent, StandardCodes.UserSecurityAttributesChangedSubtype, CRUDE.U),
        new("smart-launch", "SMART launch from an EHR started", StandardCodes.UserAuthenticationEvent, null, CRUDE.E),
        new("smart-sign-in", "SMART launch completed: clinician signed in, patient matched or created", StandardCodes.UserAuthenticationEvent, StandardCodes.LoginSubtype, CRUDE.E),
    ];

    private static readonly Dictionary<string, AuditActionDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>The definition of <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">Not a KneeSpine audit action.</exception>
    public static AuditActionDefinition For(string code) =>
        ByCode.TryGetValue(code, out var definition) ? definition : throw new KeyNotFoundException($"'{code}' is not a KneeSpine audit action.");
}
