namespace KneeSpine.Web.Demo;

/// <summary>What <see cref="CohortGenerator"/> wrote.</summary>
public sealed record CohortSummary(long Patients, long Assessments);
