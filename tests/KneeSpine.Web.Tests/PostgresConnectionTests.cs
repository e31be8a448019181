using KneeSpine.Store.Database;
using Npgsql;

namespace KneeSpine.Web.Tests;

/// <summary>KneeSpine's PostgreSQL connection defaults (ADR-061, ADR-138) fill in only what the connection string leaves out.</summary>
public sealed class PostgresConnectionTests
{
    [Fact]
    public void A_plain_connection_string_gets_a_small_pool_and_no_automatic_preparation()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults("Host=db.example;Username=kneespine;Database=clinic"));

        Assert.Equal(PostgresConnection.MaxPoolSize, settings.MaxPoolSize);
        // ADR-138: automatic preparation left a recycled command half-prepared after a broken connection.
        Assert.Equal(0, settings.MaxAutoPrepare);
        Assert.Equal("db.example", settings.Host);
        Assert.Equal("clinic", settings.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=50;Max Auto Prepare=20;Auto Prepare Min Usages=9")]
    [InlineData("host=db;maxpoolsize=50;maxautoprepare=20;autoprepareminusages=9")]
    [InlineData("Host=db;MAXIMUM POOL SIZE=50;MAX AUTO PREPARE=20;Auto Prepare Min Usages = 9")]
    public void Whatever_the_connection_string_sets_itself_is_kept_under_any_spelling(string given)
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresConnection.WithDefaults(given));

        Assert.Equal(50, settings.MaxPoolSize);
        Assert.Equal(20, settings.MaxAutoPrepare);
        Assert.Equal(9, settings.AutoPrepareMinUsages);
    }
}
