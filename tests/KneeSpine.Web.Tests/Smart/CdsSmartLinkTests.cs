using System.Net;
using KneeSpine.Web.Tests.CdsHooks;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// With a SMART EHR configured, a CDS Hooks card served by the running app carries a <c>smart</c> link to KneeSpine's
/// launch URL, so the EHR can open KneeSpine from the card (issue 13); without one, no such link.
/// </summary>
public abstract class CdsSmartLinkTests(CdsSmartLinkApp fixture, CdsApp plain)
{
    [Fact]
    public async Task A_card_links_to_the_smart_launch_when_an_ehr_is_configured_and_not_otherwise()
    {
        var withSmart = await CardLinksAsync(fixture.App, fixture.Keys);
        var without = await CardLinksAsync(plain.App, plain.Keys);

        Assert.Contains(("smart", "http://localhost/smart/launch"), withSmart);
        Assert.DoesNotContain(without, link => link.Type == "smart");
        Assert.NotEmpty(without);
    }

    /// <summary>Every link (type, url) of every card an emergency answers gives.</summary>
    private static async Task<List<(string? Type, string? Url)>> CardLinksAsync(TestApp app, EhrKeys keys)
    {
        var patient = "ehr-smart-link-" + Guid.NewGuid().ToString("N");
        var token = EhrKeys.Token(keys.Es384, CdsCalls.ServiceUrl, app.Time.GetUtcNow());
        var response = await CdsCalls.SendAsync(app.Anonymous(), "/cds-services/kneespine-back-pain", token,
            CdsCalls.Request(patient, CdsCalls.Prefetched("02-cauda-equina-on-anticoagulant", patient)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cards = (await response.ReadObjectAsync())["cards"]!.AsArray();
        Assert.NotEmpty(cards);
        return [.. cards.SelectMany(card => card!["links"]?.AsArray() ?? [])
            .Select(link => (link!["type"]?.GetValue<string>(), link["url"]?.GetValue<string>()))];
    }
}

/// <summary>An app trusting the CDS test EHR and configured for a SMART launch from an EHR (never called here).</summary>
public abstract class CdsSmartLinkApp(TestDatabaseKind kind) : IAsyncLifetime
{
    private TestApp? _app;

    public EhrKeys Keys { get; } = new();

    public TestApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var settings = CdsApp.Trusting(Keys);
        settings["KneeSpine:Smart:Ehrs:0:Issuer"] = "https://ehr.hospital.example/fhir";
        settings["KneeSpine:Smart:Ehrs:0:ClientId"] = "kneespine";
        settings["KneeSpine:Smart:Ehrs:0:ClientSecret"] = "secret";
        settings["KneeSpine:Smart:Ehrs:0:UserMapping:Template"] = "{id}" + SmartApp.UserDomain;
        _app = await TestApp.StartAsync(kind, settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Keys.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteCdsSmartLinkApp() : CdsSmartLinkApp(TestDatabaseKind.Sqlite);

public sealed class PostgresCdsSmartLinkApp() : CdsSmartLinkApp(TestDatabaseKind.Postgres);

public sealed class CdsSmartLinkOnSqlite(SqliteCdsSmartLinkApp app, SqliteCdsApp plain)
    : CdsSmartLinkTests(app, plain), IClassFixture<SqliteCdsSmartLinkApp>, IClassFixture<SqliteCdsApp>;

public sealed class CdsSmartLinkOnPostgres(PostgresCdsSmartLinkApp app, PostgresCdsApp plain)
    : CdsSmartLinkTests(app, plain), IClassFixture<PostgresCdsSmartLinkApp>, IClassFixture<PostgresCdsApp>;
