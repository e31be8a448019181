using System.Text;
using KneeSpine.Web.BulkExport;

namespace KneeSpine.Web.Tests.BulkExport;

/// <summary>Stored chunks of an export file end at a line's end and stay within their size.</summary>
public sealed class NdjsonChunkingTests
{
    private static readonly byte[] ThreeLines = Encoding.UTF8.GetBytes("{\"a\":1}\n{\"b\":22}\n{\"c\":333}\n");

    [Fact]
    public void Lines_that_fit_the_room_left_all_go_in()
    {
        Assert.Equal(ThreeLines.Length, NdjsonChunking.BytesThatFit(ThreeLines, ThreeLines.Length, chunkIsEmpty: false));
    }

    [Fact]
    public void Only_the_whole_lines_that_fit_go_in()
    {
        // Room for the first line (8 bytes) and part of the second: the second waits for the next chunk.
        Assert.Equal(8, NdjsonChunking.BytesThatFit(ThreeLines, 12, chunkIsEmpty: false));
        Assert.Equal(17, NdjsonChunking.BytesThatFit(ThreeLines, 20, chunkIsEmpty: true));
    }

    [Fact]
    public void A_chunk_with_no_room_for_the_next_line_is_stored_first()
    {
        Assert.Equal(0, NdjsonChunking.BytesThatFit(ThreeLines, 5, chunkIsEmpty: false));
        Assert.Equal(0, NdjsonChunking.BytesThatFit(ThreeLines, -3, chunkIsEmpty: false));
    }

    [Fact]
    public void A_line_longer_than_a_chunk_becomes_a_chunk_of_its_own()
    {
        Assert.Equal(8, NdjsonChunking.BytesThatFit(ThreeLines, 5, chunkIsEmpty: true));
    }

    [Fact]
    public void Storing_a_file_in_small_chunks_keeps_every_line_whole_and_in_order()
    {
        var lines = string.Concat(Enumerable.Range(0, 200).Select(i => $"{{\"n\":{new string('x', i % 37)}{i}}}\n"));
        var rest = Encoding.UTF8.GetBytes(lines).AsSpan();
        var chunks = new List<string>();
        var open = new List<byte>();
        while (!rest.IsEmpty)
        {
            var take = NdjsonChunking.BytesThatFit(rest, 100 - open.Count, open.Count == 0);
            open.AddRange(rest[..take]);
            rest = rest[take..];
            if (!rest.IsEmpty)
            {
                chunks.Add(Encoding.UTF8.GetString([.. open]));
                open.Clear();
            }
        }

        chunks.Add(Encoding.UTF8.GetString([.. open]));

        Assert.Equal(lines, string.Concat(chunks));
        Assert.All(chunks, chunk => Assert.EndsWith("\n", chunk, StringComparison.Ordinal));
        Assert.All(chunks, chunk => Assert.True(chunk.Length <= 100, $"a chunk of {chunk.Length} bytes"));
    }
}
