using System.Net;
using System.Text.Json.Nodes;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>
/// Two nodes on one database (ADR-056): a CDS Hooks token used on one node is refused on the other, because the used
/// <c>jti</c> values live in the shared database, not in a node's memory. Rate limits stay per node by design.
/// </summary>
public abstract class CdsReplayAcrossNodesTests(TestDatabaseKind kind)
{
    private const string ServicePath = "/cds-services/kneespine-back-pain";

    [Fact]
    public async Task A_token_used_on_one_node_is_refused_on_the_other_in_both_directions()
    {
        using var keys = new EhrKeys();
        var settings = CdsApp.Trusting(keys);
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var first = TestApp.Start(database, settings);
        await using var second = TestApp.Start(database, settings);

        var usedOnFirst = EhrKeys.Token(keys.Es384, CdsCalls.ServiceUrl, first.Time.GetUtcNow());
        var usedOnSecond = EhrKeys.Token(keys.Es384, CdsCalls.ServiceUrl, second.Time.GetUtcNow());

        Assert.Equal(HttpStatusCode.OK, await CallAsync(first, usedOnFirst, "ehr-node-patient-1"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(second, usedOnFirst, "ehr-node-patient-1"));
        Assert.Equal(HttpStatusCode.OK, await CallAsync(second, usedOnSecond, "ehr-node-patient-2"));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(first, usedOnSecond, "ehr-node-patient-2"));
    }

    private static async Task<HttpStatusCode> CallAsync(TestApp node, string token, string patientId)
    {
        JsonObject body = CdsCalls.Request(patientId, CdsCalls.Prefetched("01-mild-pain-after-spinal", patientId));
        using var response = await CdsCalls.SendAsync(node.Anonymous(), ServicePath, token, body);
        return response.StatusCode;
    }
}

public sealed class CdsReplayAcrossNodesOnSqlite() : CdsReplayAcrossNodesTests(TestDatabaseKind.Sqlite);

public sealed class CdsReplayAcrossNodesOnPostgres() : CdsReplayAcrossNodesTests(TestDatabaseKind.Postgres);
