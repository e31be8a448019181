namespace KneeSpine.Cli.Backups;

/// <summary>
/// The lock a running <c>kneespine serve</c> (or a restore) holds on its SQLite database: a file beside it,
/// <c>kneespine.db.lock</c>, opened without sharing, which .NET turns into an advisory <c>flock</c> on Linux. The kernel
/// drops it when the process ends, however it ends, so a crash never leaves a stale lock behind. It tells a restore that a
/// server uses the database even while the server happens to have no connection open.
/// </summary>
internal sealed class ServerLock : IDisposable
{
    private readonly FileStream _file;

    private ServerLock(FileStream file) => _file = file;

    /// <summary>The lock file of <paramref name="databaseFile"/>.</summary>
    public static string PathFor(string databaseFile) => databaseFile + ".lock";

    /// <summary>The lock, or null when another process holds it.</summary>
    public static ServerLock? TryAcquire(string databaseFile)
    {
        var path = PathFor(databaseFile);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new ServerLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
