using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>The mock EHR's own store for OpenIddict (applications, authorizations, tokens): an SQLite file of its own.</summary>
public sealed class MockEhrDbContext(DbContextOptions<MockEhrDbContext> options) : DbContext(options);
