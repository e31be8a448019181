using System.Text;
using KneeSpine.Engine.Codes;
using KneeSpine.Fhir.Audit;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Tests.Infrastructure;
using KneeSpine.Web.Tests.Security;
using Microsoft.AspNetCore.Http;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>
/// Every endpoint the app maps, from its own endpoint data: each signed-in one (and the sign-in and CDS Hooks
/// routes) declares what it records, and a call to each writes exactly that one event. A new endpoint without
/// an audit decision fails here, as one without an access decision fails the authorization matrix.
/// </summary>
public sealed class AuditCoverageTests(SqliteApp fixture) : IClassFixture<SqliteApp>
{
    /// <summary>Public routes that must still be recorded.</summary>
    private static readonly HashSet<string> AuditedAlthoughPublic = new(StringComparer.OrdinalIgnoreCase) { "POST /account/login" };

    /// <summary>Signed-in routes that record nothing, and why (a refusal on them is still recorded as access-denied).</summary>
    private static readonly Dictionary<string, string> NotAudited = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GET /account"] = "the caller's own account page: token names, no patient data",
        ["GET /account/index"] = "the same page",
        ["GET /account/logout"] = "the sign-out confirmation page",
        ["GET /account/change-password"] = "an empty form",
        ["GET /patients/new"] = "an empty form",
        ["GET /reports"] = "aggregate counts with small cells suppressed (ADR-131): no patient can be identified",
        ["POST /reports"] = "no POST handler: the report's filter form uses GET",
        ["GET /reports/{table}.csv"] = "one table of the same suppressed aggregates",
    };

    private TestApp App => fixture.App;

    [Fact]
    public void Every_signed_in_endpoint_declares_what_the_audit_trail_records_for_it()
    {
        var missing = new List<string>();
        var stale = new HashSet<string>(NotAudited.Keys, StringComparer.OrdinalIgnoreCase);
        foreach (var (method, key, endpoint) in AuthorizationMatrixTests.Endpoints(App))
        {
            if (!AccessTable.Rules.TryGetValue(key, out var rule))
            {
                continue;
            }

            var audited = AuditedAttribute.For(endpoint, method) is not null;
            if (NotAudited.ContainsKey(key))
            {
                stale.Remove(key);
                Assert.False(audited, $"{key} is audited: remove it from NotAudited.");
            }
            else if ((rule.Access != Access.Public || AuditedAlthoughPublic.Contains(key)) && !audited)
            {
                missing.Add($"{key} ({endpoint.DisplayName}): add [Audited(...)] (pages) or .Audited(...) (endpoints) saying what it records, or list it in NotAudited with the reason.");
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
        Assert.True(stale.Count == 0, "NotAudited names routes the app does not map: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task A_call_to_every_audited_endpoint_writes_exactly_one_event_with_its_action_and_path()
    {
        var world = await MatrixWorld.CreateAsync(App);
        var clients = world.Callers().ToDictionary(c => c.Kind, c => c.Client);
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var (method, key, endpoint) in AuthorizationMatrixTests.Endpoints(App))
        {
            if (AuditedAttribute.For(endpoint, method) is not { } audited || !AccessTable.Rules.TryGetValue(key, out var rule))
            {
                continue;
            }

            var path = AuthorizationMatrixTests.Fill(endpoint.RoutePattern, rule, world);
            var url = path + (rule.Query is null ? "" : "?" + rule.Query.Replace("{patient}", world.PatientA.ToString(), StringComparison.Ordinal));
            var mark = await AuditTrail.MarkAsync(App);
            var content = HttpMethods.IsGet(method) ? null : new StringContent("{}", Encoding.UTF8, "application/json");
            var (response, _) = await AuditTrail.SendAsync(clients[CallerFor(rule.Access)], new HttpMethod(method), url, content);
            var events = await AuditTrail.SinceAsync(App, mark);
            checkedCount++;

            if (events.Count != 1)
            {
                failures.Add($"{key} ({url}, {(int)response.StatusCode}): {events.Count} events: {string.Join("; ", events.Select(AuditTrail.Describe))}");
                continue;
            }

            var e = events[0];
            if (e.Action != audited.Action || e.Resource != $"{method} {path}")
            {
                failures.Add($"{key}: recorded {AuditTrail.Describe(e)}, expected {audited.Action} {method} {path}");
            }

            if ((audited.PatientRouteValue is not null || audited.CallersRecord) && e.PatientId != world.PatientA)
            {
                failures.Add($"{key}: the event names patient {e.PatientId}, not the route's {world.PatientA}");
            }
        }

        Assert.True(checkedCount > 25, $"only {checkedCount} audited endpoints found");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Every_stored_audit_action_has_a_fhir_definition_and_nothing_else_does()
    {
        Assert.Equal(Code<AuditAction>.All, AuditActions.All.Select(a => a.Code));
    }

    private static CallerKind CallerFor(Access access) => access switch
    {
        Access.Public or Access.EhrJwt => CallerKind.Anonymous,
        Access.Admin => CallerKind.Admin,
        Access.PatientAccount or Access.OwnRecordOnly => CallerKind.PatientA,
        _ => CallerKind.Clinician,
    };
}
