using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KneeSpine.Web.Notifications;

/// <summary>
/// How a webhook message is signed: <c>X-KneeSpine-Signature: sha256=HEX</c>, the HMAC-SHA256 with the shared secret of
/// the <c>X-KneeSpine-Timestamp</c> value (Unix seconds), a dot and the body's bytes. The timestamp lets a receiver
/// refuse an old message replayed; the signature, one that did not come from KneeSpine.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-KneeSpine-Timestamp";
    public const string SignatureHeader = "X-KneeSpine-Signature";
    public const string DeliveryHeader = "X-KneeSpine-Delivery";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
