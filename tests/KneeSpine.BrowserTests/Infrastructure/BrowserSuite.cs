namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>One server and one browser shared by every browser test; the tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<BrowserApp>, ICollectionFixture<Chromium>
{
    public const string Name = "browser";
}
