using KneeSpine.Store.Audit;

namespace KneeSpine.Web.Audit;

public static class AuditEndpointExtensions
{
    /// <summary>Writes every request to this endpoint to the audit trail as <paramref name="action"/>.</summary>
    /// <param name="builder">The endpoint.</param>
    /// <param name="action">What a request does.</param>
    /// <param name="patientRouteValue">The route value holding the patient's id, when the route names one.</param>
    public static TBuilder Audited<TBuilder>(this TBuilder builder, AuditAction action, string? patientRouteValue = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditedAttribute(action) { PatientRouteValue = patientRouteValue });
}
