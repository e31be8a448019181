namespace KneeSpine.Web.BulkExport;

/// <summary>
/// Where stored chunks of an NDJSON file end: a chunk holds whole lines and at most its size, unless one line alone is
/// longer (then that line is a chunk of its own). NDJSON lines hold no raw line feed, so a line feed is a line's end.
/// </summary>
internal static class NdjsonChunking
{
    /// <summary>
    /// How many bytes of <paramref name="lines"/> (whole lines) go into the open chunk, which has
    /// <paramref name="room"/> bytes left; 0 when the chunk must be stored first.
    /// </summary>
    public static int BytesThatFit(ReadOnlySpan<byte> lines, int room, bool chunkIsEmpty)
    {
        if (lines.Length <= room)
        {
            return lines.Length;
        }

        var fit = lines[..Math.Max(room, 0)].LastIndexOf((byte)'\n') + 1;
        if (fit > 0 || !chunkIsEmpty)
        {
            return fit;
        }

        // The first line alone is longer than a chunk: it becomes a chunk of its own.
        var first = lines.IndexOf((byte)'\n') + 1;
        return first > 0 ? first : lines.Length;
    }
}
