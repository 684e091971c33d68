using System.Buffers;
using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The bytes of one message as they arrive, in pooled chunks reserved from the connection's
/// budget: memory follows the bytes received, never the length a prefix claims.
/// </summary>
internal sealed class MessageBuffer(ConnectionBudget budget, int capacity) : IDisposable
{
    // Below the large-object threshold, so chunks are ordinary pooled arrays.
    private const int ChunkBytes = 16 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int _reserved;

    public int Length { get; private set; }

    public bool IsFull => Length == capacity;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.Length > capacity - Length)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        while (!data.IsEmpty)
        {
            var offset = Length % ChunkBytes;
            if (offset == 0)
            {
                var size = Math.Min(ChunkBytes, capacity - Length);
                budget.Reserve(size);
                _reserved += size;
                _chunks.Add(ArrayPool<byte>.Shared.Rent(size));
            }

            var take = Math.Min(data.Length, Math.Min(ChunkBytes, capacity - (Length - offset)) - offset);
            data[..take].CopyTo(_chunks[^1].AsSpan(offset));
            Length += take;
            data = data[take..];
        }
    }

    public ReadOnlySequence<byte> Contents()
    {
        if (_chunks.Count <= 1)
        {
            return new ReadOnlySequence<byte>(_chunks.Count == 0 ? [] : _chunks[0], 0, Length);
        }

        var first = new Segment(_chunks[0].AsMemory(0, ChunkBytes), 0);
        var last = first;
        for (var i = 1; i < _chunks.Count; i++)
        {
            last = last.Append(_chunks[i].AsMemory(0, Math.Min(ChunkBytes, Length - (i * ChunkBytes))));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    public void Dispose()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        budget.Release(_reserved);
        _reserved = 0;
        Length = 0;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
