namespace KneeSpine.Store.Database;

/// <summary>
/// How hard SQLite waits for the disk before a commit returns (<c>KneeSpine:Database:SqliteSynchronous</c>; ADR-055).
/// Both keep the database intact after any crash; they differ only in what a power loss can undo.
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>A commit is in the write-ahead log before it returns: it survives the process being killed, not a power loss.</summary>
    Normal,

    /// <summary>Every commit is also flushed to the disk (one fsync each): it survives a power loss too, at a few milliseconds per write.</summary>
    Full,
}
