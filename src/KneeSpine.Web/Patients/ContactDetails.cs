using System.Net.Mail;
using System.Text.RegularExpressions;

namespace KneeSpine.Web.Patients;

/// <summary>A patient's optional email and phone: checked the same way by the API and the pages, and stored trimmed (blank is none).</summary>
public static partial class ContactDetails
{
    public const int MaxEmailLength = 320;

    public const int MaxPhoneLength = 40;

    /// <summary>The value to store: trimmed, or null when blank.</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The problems with <paramref name="email"/> and <paramref name="phone"/>, keyed "email" and "phone".</summary>
    public static IEnumerable<KeyValuePair<string, string>> Validate(string? email, string? phone)
    {
        if (Normalize(email) is { } address && !IsEmail(address))
        {
            yield return new("email", "Enter an email address like name@example.org, or leave it empty.");
        }

        if (Normalize(phone) is { } number && !IsPhone(number))
        {
            yield return new("phone", "Enter a phone number of 6 to 15 digits (spaces, dashes, brackets and a leading + are fine), or leave it empty.");
        }
    }

    // MailAddress alone accepts display names ("Ann <a@b.org>") and dotless domains; a reminder needs a plain, routable address.
    private static bool IsEmail(string address) =>
        address.Length <= MaxEmailLength
        && !address.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(address, out var parsed)
        && string.Equals(parsed.Address, address, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal)
        && !parsed.Host.StartsWith('.')
        && !parsed.Host.EndsWith('.');

    // E.164 numbers have at most 15 digits; 6 allows short local extensions. Separators are as people write them.
    private static bool IsPhone(string number) =>
        number.Length <= MaxPhoneLength
        && PhoneShape().IsMatch(number)
        && number.Count(char.IsAsciiDigit) is >= 6 and <= 15;

    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-.]*[0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}
