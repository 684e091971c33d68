using System.Buffers.Binary;
using Google.Protobuf;
using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// A gRPC request body that checks each frame as it passes: flag, length, and that the payload
/// is a message of the method's request type. Anything wrong ends the call with an
/// <see cref="RpcException"/> that grpc-dotnet answers as it is. Without it a malformed message
/// surfaces as a parse exception, which grpc-dotnet answers UNKNOWN or INTERNAL and logs as an
/// error: a caller's garbage would look like the gateway's fault.
/// </summary>
internal sealed class CheckedRequestBody(
    Stream inner, MessageParser parser, bool singleMessage, bool compressionDeclared, int maxMessageBytes) : Stream
{
    private const int HeaderLength = 5;
    private readonly byte[] _header = new byte[HeaderLength];
    private int _headerFilled;
    private byte[]? _payload;
    private int _payloadFilled;
    private bool _compressed;
    private int _messages;
    private RpcException? _problem;

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
        var passed = Inspect(buffer.Span[..read]);
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

    /// <summary>
    /// Returns how many bytes may pass. The messages before a bad frame pass whole, so a stream is
    /// served as if it had ended there; the bad frame never completes, and the next read fails.
    /// </summary>
    private int Inspect(ReadOnlySpan<byte> data)
    {
        var passed = 0;
        try
        {
            while (passed < data.Length)
            {
                var rest = data[passed..];
                if (_payload is null)
                {
                    var take = Math.Min(HeaderLength - _headerFilled, rest.Length);
                    rest[..take].CopyTo(_header.AsSpan(_headerFilled));
                    _headerFilled += take;
                    if (_headerFilled == HeaderLength)
                    {
                        StartMessage();
                    }

                    passed += take;
                }
                else
                {
                    var take = Math.Min(_payload.Length - _payloadFilled, rest.Length);
                    rest[..take].CopyTo(_payload.AsSpan(_payloadFilled));
                    _payloadFilled += take;
                    if (_payloadFilled == _payload.Length)
                    {
                        EndMessage();
                    }

                    passed += take;
                }
            }
        }
        catch (RpcException problem)
        {
            _problem = problem;
        }

        return passed;
    }

    private void StartMessage()
    {
        if (singleMessage && _messages > 0)
        {
            throw Malformed("carries more than the one request message the method takes");
        }

        _compressed = _header[0] switch
        {
            0 => false,
            1 when compressionDeclared => true,
            1 => throw Malformed("has a message marked compressed, but the call declares no grpc-encoding"),
            _ => throw Malformed("has a frame whose compressed flag is neither 0 nor 1"),
        };
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
        if (length > (uint)maxMessageBytes)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));
        }

        _payload = new byte[length];
        _payloadFilled = 0;
        if (length == 0)
        {
            EndMessage();
        }
    }

    private void EndMessage()
    {
        // A compressed payload is left to grpc-dotnet, which decompresses it before parsing.
        if (!_compressed)
        {
            try
            {
                parser.ParseFrom(_payload);
            }
            catch (InvalidProtocolBufferException)
            {
                throw Malformed("has a message that is not a valid " + parser.GetType().GetGenericArguments()[0].Name);
            }
        }

        _messages++;
        _payload = null;
        _headerFilled = 0;
    }

    private void CheckEnd()
    {
        if (_headerFilled > 0)
        {
            throw Malformed("ends inside a message: a frame is shorter than its length prefix says");
        }

        if (singleMessage && _messages == 0)
        {
            throw Malformed("carries no request message");
        }
    }

    private static RpcException Malformed(string problem) =>
        new(new Status(StatusCode.InvalidArgument, "The request body " + problem + "."));
}
