namespace KneeSpine.Store.Patients;

/// <summary>
/// An identifier another system gives a KneeSpine patient (an EHR's medical record number: system + value). A SMART
/// launch finds the patient by it, never by name; one system and value belong to one patient only.
/// </summary>
public sealed class PatientIdentifier
{
    public long Id { get; set; }

    public Guid PatientId { get; set; }

    public Patient? Patient { get; set; }

    /// <summary>The identifier's namespace (FHIR <c>Identifier.system</c>), a URI.</summary>
    public required string System { get; set; }

    public required string Value { get; set; }

    /// <summary>The EHR (its FHIR base URL, the SMART <c>iss</c>) the identifier was first read from.</summary>
    public required string Source { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Column sizes.</summary>
    public static class Limits
    {
        public const int System = 512;
        public const int Value = 256;
        public const int Source = 512;
    }
}
