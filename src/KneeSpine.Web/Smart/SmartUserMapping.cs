namespace KneeSpine.Web.Smart;

/// <summary>
/// The rule from an EHR user to a KneeSpine account (ADR-125): a <c>fhirUser</c> of type <see cref="ResourceType"/>
/// with id <c>{id}</c> is the account whose <see cref="Account"/> equals <see cref="Template"/> with <c>{id}</c>
/// replaced, e.g. <c>Practitioner/123</c> with template <c>{id}@hospital.example</c> is the account with email
/// <c>123@hospital.example</c>. No such account: the launch is refused.
/// </summary>
public sealed class SmartUserMapping
{
    public const string IdPlaceholder = "{id}";

    public string ResourceType { get; set; } = "Practitioner";

    public SmartAccountField Account { get; set; } = SmartAccountField.Email;

    public string Template { get; set; } = IdPlaceholder;

    /// <summary>The account name for <paramref name="fhirUser"/>; null when it is not a reference to <see cref="ResourceType"/>.</summary>
    public string? AccountFor(string? fhirUser)
    {
        if (string.IsNullOrWhiteSpace(fhirUser))
        {
            return null;
        }

        // fhirUser is absolute (https://ehr/fhir/Practitioner/123) or relative (Practitioner/123): the last two segments decide.
        var segments = fhirUser.TrimEnd('/').Split('/');
        if (segments.Length < 2 || !string.Equals(segments[^2], ResourceType, StringComparison.Ordinal) || segments[^1].Length == 0)
        {
            return null;
        }

        return Template.Replace(IdPlaceholder, segments[^1], StringComparison.Ordinal);
    }
}
