namespace KneeSpine.Web.Tests.Security;

/// <summary>Who may reach an endpoint.</summary>
public enum Access
{
    /// <summary>Anyone, signed in or not.</summary>
    Public,

    /// <summary>Any signed-in account.</summary>
    SignedIn,

    /// <summary>Clinicians and admins.</summary>
    Clinician,

    /// <summary>Admins only.</summary>
    Admin,

    /// <summary>The patient whose record the route names, clinicians and admins; never another patient.</summary>
    PatientRecord,

    /// <summary>Patient accounts only (the patient's own pages).</summary>
    PatientAccount,

    /// <summary>The patient account whose record the route names, and nobody else.</summary>
    OwnRecordOnly,

    /// <summary>Only an EHR with a valid CDS Hooks JWT: no cookie, no personal access token, no anonymous call.</summary>
    EhrJwt,
}
