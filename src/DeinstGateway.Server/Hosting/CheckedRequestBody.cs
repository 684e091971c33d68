using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// A gRPC request body that checks each frame as it passes: flag, length, and that the payload
/// (decompressed, when the call declares a grpc-encoding) is a message of the method's request
/// type. Anything wrong ends the call with an <see cref="RpcException"/> that grpc-dotnet answers
/// as it is. Without it a malformed or badly compressed message surfaces as a parse or
/// decompression exception, which grpc-dotnet answers UNKNOWN or INTERNAL and logs as an error:
/// a caller's garbage would look like the gateway's fault. A message is held only as far as its
/// bytes have arrived, against the connection's budget, whatever length its prefix claims.
/// </summary>
internal sealed class CheckedRequestBody(Stream inner, RequestFrameRules rules, ConnectionBudget budget, RpcException? refusal) : Stream
{
    private const int HeaderLength = 5;
    private readonly byte[] _header = new byte[HeaderLength];
    private int _headerFilled;
    private int _payloadLength = -1;
    private MessageBuffer? _payload;
    private bool _compressed;
    private int _messages;
    private RpcException? _problem = refusal;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_problem is not null)
        {
            throw _problem;
        }

        var read = await inner.ReadAsync(buffer, cancellationToken);
        // Kestrel's pipe reader waits for data with zero-length reads; only a read into real space that returns nothing is the end.
        if (read == 0 && buffer.Length > 0)
        {
            CheckEnd();
        }

        // Nothing passed must not read as the end of the body: that would end a stream cleanly.
        var passed = Inspect(buffer[..read]);
        return passed == 0 && _problem is not null ? throw _problem : passed;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Kestrel forbids synchronous reads of a request body, and gRPC never makes them.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // A call cancelled or refused halfway gives back what its unfinished message held.
        _payload?.Dispose();
        _payload = null;
        base.Dispose(disposing);
    }

    /// <summary>
    /// Returns how many bytes may pass. The messages before a bad frame pass whole, so a stream is
    /// served as if it had ended there; the bad frame never completes, and the next read fails.
    /// </summary>
    private int Inspect(ReadOnlyMemory<byte> data)
    {
        var passed = 0;
        try
        {
            while (passed < data.Length)
            {
                var rest = data[passed..];
                if (_payloadLength < 0)
                {
                    if (rules.SingleMessage && _messages > 0)
                    {
                        throw Malformed("carries bytes after the one request message the method takes");
                    }

                    var take = Math.Min(HeaderLength - _headerFilled, rest.Length);
                    rest.Span[..take].CopyTo(_header.AsSpan(_headerFilled));
                    _headerFilled += take;
                    // A header that fails its check must not pass: grpc-dotnet would judge it first.
                    if (_headerFilled == HeaderLength)
                    {
                        StartMessage();
                    }

                    passed += take;
                }
                else if (_payload is null && rest.Length >= _payloadLength)
                {
                    // The whole message arrived in one read, as most do: it is checked where it lies.
                    var length = _payloadLength;
                    EndMessage(new ReadOnlySequence<byte>(rest[..length]));
                    passed += length;
                }
                else
                {
                    _payload ??= new MessageBuffer(budget, _payloadLength);
                    var take = Math.Min(_payloadLength - _payload.Length, rest.Length);
                    _payload.Append(rest.Span[..take]);
                    if (_payload.IsFull)
                    {
                        EndMessage(_payload.Contents());
                    }

                    passed += take;
                }
            }
        }
        catch (RpcException problem)
        {
            _problem = problem;
            _payload?.Dispose();
            _payload = null;
        }

        return passed;
    }

    private void StartMessage()
    {
        _compressed = _header[0] switch
        {
            0 => false,
            1 when rules.Compression is not null => true,
            1 => throw Malformed("has a message marked compressed, but the call declares no grpc-encoding the gateway supports"),
            _ => throw Malformed("has a frame whose compressed flag is neither 0 nor 1"),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
        if (length > (uint)rules.MaxMessageBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        _payloadLength = (int)length;
        if (length == 0)
        {
            EndMessage(ReadOnlySequence<byte>.Empty);
        }
    }

    private void EndMessage(ReadOnlySequence<byte> payload)
    {
        if (_compressed)
        {
            using var decompressed = Decompress(payload);
            Parse(decompressed.Contents());
        }
        else
        {
            Parse(payload);
        }

        _messages++;
        _payload?.Dispose();
        _payload = null;
        _payloadLength = -1;
        _headerFilled = 0;
    }

    private void Parse(ReadOnlySequence<byte> message)
    {
        try
        {
            rules.Parser.ParseFrom(message);
        }
        catch (InvalidProtocolBufferException)
        {
            throw Malformed("has a message that is not a valid " + rules.RequestTypeName);
        }
    }

    /// <summary>
    /// Decompresses as grpc-dotnet will, with the same provider, but no further than the largest
    /// message allowed: a small payload that inflates past it is refused before it is held whole.
    /// </summary>
    private MessageBuffer Decompress(ReadOnlySequence<byte> payload)
    {
        var output = new MessageBuffer(budget, rules.MaxMessageBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var source = PipeReader.Create(payload).AsStream();
            using var decompressing = rules.Compression!.CreateDecompressionStream(source);
            int read;
            while ((read = decompressing.Read(chunk)) > 0)
            {
                output.Append(chunk.AsSpan(0, read));
            }

            return output;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            output.Dispose();
            throw Malformed($"has a message that is not valid {rules.Compression!.EncodingName} data");
        }
        catch (RpcException)
        {
            output.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private void CheckEnd()
    {
        if (_headerFilled > 0)
        {
            throw Malformed("ends inside a message: a frame is shorter than its length prefix says");
        }

        if (rules.SingleMessage && _messages == 0)
        {
            throw Malformed("carries no request message");
        }
    }

    private static RpcException Malformed(string problem) =>
        new(new Status(StatusCode.InvalidArgument, "The request body " + problem + "."));
}
