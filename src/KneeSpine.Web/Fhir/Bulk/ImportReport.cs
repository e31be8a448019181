namespace KneeSpine.Web.Fhir.Bulk;

/// <summary>What <see cref="FhirBulkImport"/> did: counts per outcome and every bad line by number.</summary>
public sealed record ImportReport(int Imported, int AlreadyPresent, int Skipped, IReadOnlyList<ImportLineError> Errors);

/// <summary>A line that could not be imported, with its 1-based number and why.</summary>
public sealed record ImportLineError(int Line, string Message);
