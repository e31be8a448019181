namespace KneeSpine.Store.Audit;

/// <summary>
/// The database half of the append-only rule: triggers that refuse UPDATE and DELETE on <c>AuditEvents</c> (and
/// TRUNCATE on PostgreSQL) whoever sends them. Created by the <c>AuditTrail</c> migration of each provider.
/// </summary>
/// <remarks>
/// A database owner can still drop a trigger; deployments that need more grant the application's role only
/// INSERT and SELECT on the table (docs/security.md).
/// </remarks>
public static class AuditTriggers
{
    /// <summary>The message both databases answer a refused change with.</summary>
    public const string Message = "AuditEvents is append-only";

    public const string SqliteCreate = $"""
        CREATE TRIGGER "AuditEvents_no_update" BEFORE UPDATE ON "AuditEvents"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        CREATE TRIGGER "AuditEvents_no_delete" BEFORE DELETE ON "AuditEvents"
        BEGIN SELECT RAISE(ABORT, '{Message}'); END;
        """;

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS "AuditEvents_no_update";
        DROP TRIGGER IF EXISTS "AuditEvents_no_delete";
        """;

    public const string PostgresCreate = $"""
        CREATE FUNCTION kneespine_audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{Message}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END;
        $$;
        CREATE TRIGGER "AuditEvents_no_update_or_delete" BEFORE UPDATE OR DELETE ON "AuditEvents"
            FOR EACH ROW EXECUTE FUNCTION kneespine_audit_events_append_only();
        CREATE TRIGGER "AuditEvents_no_truncate" BEFORE TRUNCATE ON "AuditEvents"
            FOR EACH STATEMENT EXECUTE FUNCTION kneespine_audit_events_append_only();
        """;

    public const string PostgresDrop = """
        DROP TRIGGER IF EXISTS "AuditEvents_no_truncate" ON "AuditEvents";
        DROP TRIGGER IF EXISTS "AuditEvents_no_update_or_delete" ON "AuditEvents";
        DROP FUNCTION IF EXISTS kneespine_audit_events_append_only();
        """;
}
