using System.Globalization;
using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Assessments;

/// <summary>Calendar dates as FHIR date and dateTime values (a date alone is a valid dateTime).</summary>
internal static class FhirDates
{
    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static FhirDateTime DateTime(DateOnly date) => new(Text(date));
}
