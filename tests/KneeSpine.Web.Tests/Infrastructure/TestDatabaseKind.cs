namespace KneeSpine.Web.Tests.Infrastructure;

public enum TestDatabaseKind
{
    Sqlite,
    Postgres,
}
