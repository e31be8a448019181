namespace KneeSpine.Web.FollowUps;

/// <summary>Body of <c>GET /api/v1/followups/due</c>.</summary>
/// <param name="AsOf">The date the list is for.</param>
/// <param name="Items">Patients whose next check-in is due on or before <paramref name="AsOf"/>, most overdue first.</param>
/// <param name="Total">How many.</param>
public sealed record DueFollowUpsResponse(DateOnly AsOf, IReadOnlyList<DueFollowUp> Items, int Total);
