namespace KneeSpine.Store.Audit;

/// <summary>
/// What an audit event records. Stored as the kebab-case code (<c>PatientRead</c> is <c>patient-read</c>), which is
/// also what the admin page, <c>kneespine audit --action</c> and the FHIR AuditEvent subtype show.
/// </summary>
public enum AuditAction
{
    /// <summary>A patient record was created.</summary>
    PatientCreate,

    /// <summary>Patients were listed or searched (names of several patients shown).</summary>
    PatientList,

    /// <summary>One patient's record (details, surgery, chart, timeline) was read.</summary>
    PatientRead,

    /// <summary>The whole record was read at once (FHIR <c>Patient/$everything</c>).</summary>
    RecordRead,

    /// <summary>An assessment was evaluated and stored.</summary>
    AssessmentCreate,

    /// <summary>An assessment was edited (stored as its next version).</summary>
    AssessmentRevise,

    /// <summary>A patient's assessments, or the versions of one, were listed.</summary>
    AssessmentList,

    /// <summary>One assessment (input and result) was read.</summary>
    AssessmentRead,

    /// <summary>The PDF handout of an assessment was downloaded.</summary>
    HandoutDownload,

    /// <summary>An EHR called the CDS Hooks service (reading the patient's stored assessment when it is a KneeSpine patient).</summary>
    CdsPatientView,

    /// <summary>An EHR sent feedback on a CDS Hooks card.</summary>
    CdsFeedback,

    /// <summary>A password sign-in was attempted.</summary>
    Login,

    /// <summary>A user signed out.</summary>
    Logout,

    /// <summary>A user changed their password.</summary>
    PasswordChange,

    /// <summary>A personal access token was created.</summary>
    TokenCreate,

    /// <summary>A personal access token was revoked.</summary>
    TokenRevoke,

    /// <summary>A personal access token was presented on a route that records nothing else (a rejected token, or a public route).</summary>
    TokenUse,

    /// <summary>A signed-in route was refused on a route that records nothing else.</summary>
    AccessDenied,

    /// <summary>An account was created (admin page, <c>kneespine user add</c>, first-admin bootstrap).</summary>
    UserCreate,

    /// <summary>The account list (with linked patients' names) was read.</summary>
    UserList,

    /// <summary>The audit trail itself was read (admin page, FHIR AuditEvent search, <c>kneespine audit</c>).</summary>
    AuditRead,

    /// <summary>Records were imported with <c>kneespine import</c>.</summary>
    BulkImport,

    /// <summary>The store was exported with <c>kneespine export</c>.</summary>
    BulkExport,

    /// <summary>The SQLite database was copied to a backup file with <c>kneespine backup</c>.</summary>
    DatabaseBackup,

    /// <summary>The SQLite database was replaced by a backup with <c>kneespine restore</c> (recorded in the restored database).</summary>
    DatabaseRestore,

    /// <summary>Worklist items were read (the <c>/worklist</c> page, the API, FHIR Task).</summary>
    WorklistRead,

    /// <summary>A worklist item was acknowledged (who acted, the action and a note).</summary>
    WorklistAcknowledge,

    /// <summary>The outbox (messages waiting, sent or failing, with recipients) was read on <c>/admin/outbox</c>.</summary>
    OutboxRead,

    /// <summary>An admin asked for a failing outbox message to be tried again now.</summary>
    OutboxRetry,

    /// <summary>A patient's email or phone was changed.</summary>
    PatientContactChange,

    /// <summary>A patient switched follow-up reminder emails off or back on.</summary>
    ReminderPreferenceChange,

    /// <summary>An admin disabled an account (it can no longer sign in; its sessions and tokens stop working).</summary>
    UserDisable,

    /// <summary>An admin enabled a disabled account again.</summary>
    UserEnable,

    /// <summary>An admin ended a lockout after failed sign-ins.</summary>
    UserUnlock,

    /// <summary>An admin changed an account's role.</summary>
    UserRoleChange,

    /// <summary>An admin made a one-time password reset link for an account.</summary>
    PasswordResetIssue,

    /// <summary>A password was set through a one-time reset link.</summary>
    PasswordReset,

    /// <summary>An EHR started a SMART launch (<c>/smart/launch</c>): accepted and sent to the EHR to authorize, or refused.</summary>
    SmartLaunch,

    /// <summary>A SMART launch came back from the EHR: the patient matched or created and the clinician signed in, or refused.</summary>
    SmartSignIn,
}
