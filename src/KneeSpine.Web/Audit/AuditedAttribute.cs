using KneeSpine.Store.Audit;

namespace KneeSpine.Web.Audit;

/// <summary>
/// Endpoint metadata: requests to this endpoint are written to the audit trail as <see cref="Action"/>. On a page
/// model (Razor Pages answer GET and POST on one endpoint) give <see cref="Method"/> to tell them apart; on a
/// minimal-API endpoint use <see cref="AuditEndpointExtensions.Audited{TBuilder}"/>.
/// </summary>
/// <remarks>
/// <see cref="AuditMiddleware"/> records one event per request from this metadata, the signed-in user, the
/// answer's status and what the handler added through <see cref="AuditHttpContextExtensions.Audit"/>. A test
/// (AuditCoverageTests) fails for any signed-in endpoint without it, so a new endpoint cannot escape the trail.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class AuditedAttribute(AuditAction action) : Attribute
{
    /// <summary>Route value holding the patient id.</summary>
    public const string PatientIdRouteValue = "patientId";

    public AuditAction Action { get; } = action;

    /// <summary>Only requests with this HTTP method; null for every method.</summary>
    public string? Method { get; init; }

    /// <summary>The route value holding the patient's id (<c>id</c>, <c>patientId</c>), when the route names one.</summary>
    public string? PatientRouteValue { get; init; }

    /// <summary>The record is the caller's own (a patient account's pages).</summary>
    public bool CallersRecord { get; init; }

    /// <summary>The metadata that applies to a request with <paramref name="method"/>, or null when the endpoint is not audited.</summary>
    public static AuditedAttribute? For(Endpoint? endpoint, string method)
    {
        if (endpoint is null)
        {
            return null;
        }

        AuditedAttribute? any = null;
        foreach (var audited in endpoint.Metadata.GetOrderedMetadata<AuditedAttribute>())
        {
            if (audited.Method is null)
            {
                any ??= audited;
            }
            else if (HttpMethods.Equals(audited.Method, method))
            {
                return audited;
            }
        }

        return any;
    }
}
