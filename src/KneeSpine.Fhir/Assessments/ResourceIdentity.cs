using System.Security.Cryptography;
using System.Text;
using Hl7.Fhir.Model;

namespace KneeSpine.Fhir.Assessments;

/// <summary>
/// Names the resources generated for one assessment: deterministic ids, and how entries refer to each other.
/// </summary>
/// <remarks>
/// Ids are deterministic, so the same assessment always maps to the same resources: golden files stay stable and
/// a re-export overwrites rather than duplicates. Unstored results (<c>$assess</c>) get name-based UUIDs (RFC 9562
/// version 8, from SHA-256 of the seed and the resource's role) and <c>urn:uuid:</c> full URLs. Stored ones
/// (<c>$everything</c>) get <c>{assessment id}-{12 hex digits of the role's hash}</c>, so the server can find the
/// assessment behind <c>GET /fhir/RiskAssessment/{id}</c> and every full URL resolves (ADR-120); they use the
/// server's base URL and relative references.
/// </remarks>
internal sealed class ResourceIdentity
{
    private const int RoleHashDigits = 12;

    private readonly string seed;
    private readonly Uri? serverBase;

    private ResourceIdentity(string seed, Uri? serverBase)
    {
        this.seed = seed;
        this.serverBase = serverBase;
    }

    /// <summary>Resources that exist only inside the bundle.</summary>
    public static ResourceIdentity Transient(string seed) => new(seed, null);

    /// <summary>Resources of the stored assessment <paramref name="assessmentId"/> on the server at <paramref name="serverBase"/>.</summary>
    public static ResourceIdentity Stored(string assessmentId, Uri serverBase) => new(assessmentId, serverBase);

    /// <summary>The id of the resource playing <paramref name="role"/> for this assessment.</summary>
    public string IdFor(string role) => serverBase is null
        ? NameBasedUuid(seed + "\n" + role)
        : seed + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(role)))[..RoleHashDigits];

    /// <summary>The stored assessment a derived resource id (from <see cref="Stored"/>) belongs to; null for any other id.</summary>
    public static Guid? AssessmentOf(string resourceId)
    {
        const int guidLength = 36;
        return resourceId.Length == guidLength + 1 + RoleHashDigits && resourceId[guidLength] == '-'
            && Guid.TryParseExact(resourceId.AsSpan(0, guidLength), "D", out var id)
            && !resourceId.AsSpan(guidLength + 1).ContainsAnyExcept("0123456789abcdef")
            ? id
            : null;
    }

    /// <summary>The Bundle.entry.fullUrl of <paramref name="resource"/>.</summary>
    public string FullUrl(Resource resource) => serverBase is null
        ? TransientUrl(resource)
        : $"{serverBase.AbsoluteUri.TrimEnd('/')}/{resource.TypeName}/{resource.Id}";

    /// <summary>A reference from another entry to <paramref name="resource"/>.</summary>
    /// <remarks>A versioned stored resource is referred to at its version, so an earlier version's findings point at the answers they came from.</remarks>
    public ResourceReference ReferenceTo(Resource resource) =>
        new(serverBase is null ? TransientUrl(resource)
            : resource.Meta?.VersionId is { } version ? $"{resource.TypeName}/{resource.Id}/_history/{version}"
            : $"{resource.TypeName}/{resource.Id}");

    // A resource that came with a server id (a posted response) keeps it; urn:uuid full URLs may differ from ids.
    private string TransientUrl(Resource resource) =>
        "urn:uuid:" + (Guid.TryParse(resource.Id, out _) ? resource.Id : IdFor(resource.TypeName + "/" + resource.Id));

    internal static string NameBasedUuid(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
