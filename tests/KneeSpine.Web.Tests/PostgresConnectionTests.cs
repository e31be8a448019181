using KneeSpine.Store.Database;
using Npgsql;

namespace KneeSpine.Web.Tests;

/// <summary>KneeSpine's PostgreSQL connection defaults (ADR-061) fill in only what the connection string leaves out.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_plain_connection_string_gets_a_small_pool_and_automatic_preparation()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db.example;Username=kneespine;Database=clinic"));

        Assert.Equal(PostgresConnection.MaxPoolSize, settings.MaxPoolSize);
        Assert.Equal(PostgresConnection.MaxAutoPrepare, settings.MaxAutoPrepare);
        Assert.Equal(PostgresConnection.AutoPrepareMinUsages, settings.AutoPrepareMinUsages);
        Assert.Equal("db.example", settings.Host);
        Assert.Equal("clinic", settings.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50;Max Auto Prepare=0;Auto Prepare Min Usages=9")]
    [InlineData("host=db;maxpoolsize=50;maxautoprepare=0;autoprepareminusages=9")]
    [InlineData("Host=db;MAXIMUM POOL SIZE=50;MAX AUTO PREPARE=0;Auto Prepare Min Usages = 9")]
    public void Whatever_the_connection_string_sets_itself_is_kept_under_any_spelling(string given)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(given));

        Assert.Equal(50, settings.MaxPoolSize);
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal(9, settings.AutoPrepareMinUsages);
    }
}
