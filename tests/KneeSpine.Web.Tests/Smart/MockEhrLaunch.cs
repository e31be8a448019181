namespace KneeSpine.Web.Tests.Smart;

/// <summary>What an EHR knows when it opens an app: the chart that is open and the user who is signed in.</summary>
public sealed record MockEhrLaunch(string PatientId, string PractitionerId);
