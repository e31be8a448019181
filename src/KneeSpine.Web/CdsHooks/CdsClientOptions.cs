namespace KneeSpine.Web.CdsHooks;

/// <summary>One EHR allowed to call: its JWT <c>iss</c>, its JWKS (a file or an https URL, exactly one), and its FHIR servers.</summary>
public sealed class CdsClientOptions
{
    public string Issuer { get; set; } = "";

    public string? JwksPath { get; set; }

    public Uri? JwksUrl { get; set; }

    /// <summary>
    /// The FHIR base URLs this EHR may name as <c>fhirServer</c> when it sends no prefetch (https; http only on loopback).
    /// Empty: KneeSpine never calls the EHR back, and a call without prefetch for a foreign patient gets 412 (ADR-043).
    /// </summary>
    public IList<Uri> FhirServers { get; } = [];
}
