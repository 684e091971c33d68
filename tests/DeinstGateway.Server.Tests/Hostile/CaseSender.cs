using System.IO.Compression;
using System.Text.Json;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Hostile;

/// <summary>What the gateway answered: the status, its google.rpc details where the gRPC client reads them, and every response message.</summary>
public sealed record CaseAnswer(StatusCode Status, Google.Rpc.Status? Details, IReadOnlyList<IMessage> Responses);

/// <summary>
/// Sends a corpus case: message cases through the gateway's gRPC channels (one generic call per
/// method kind, from the contracts' descriptors), frame cases through the <see cref="RawGrpcClient"/>.
/// </summary>
public sealed class CaseSender(GatewayProcess gateway, RawGrpcClient raw, CorpusText text)
{
    private static readonly IReadOnlyDictionary<string, MethodDescriptor> Methods =
        new[]
        {
            ClientService.Descriptor, TransferService.Descriptor, SupportPlanService.Descriptor, ServiceRecordService.Descriptor, CapacityService.Descriptor,
            RegistryService.Descriptor, NeedsAssessmentService.Descriptor, MonitoringService.Descriptor,
        }
            .SelectMany(s => s.Methods)
            .ToDictionary(m => $"/{m.Service.FullName}/{m.Name}", StringComparer.Ordinal);

    public static MethodDescriptor Find(string method) =>
        Methods.TryGetValue(method, out var descriptor) ? descriptor : throw new KeyNotFoundException($"No gateway method is called {method}.");

    public Task<CaseAnswer> SendAsync(HostileCase hostile) =>
        hostile.Frames is { } frames ? SendFramesAsync(hostile, frames) : SendMessagesAsync(hostile);

    /// <summary>Parses protobuf JSON, placeholders filled, into the method's request type.</summary>
    public IMessage Request(MethodDescriptor method, JsonElement json) =>
        JsonParser.Default.Parse(text.Expand(json.GetRawText()), method.InputType);

    private async Task<CaseAnswer> SendMessagesAsync(HostileCase hostile)
    {
        var descriptor = Find(hostile.Method);
        var requests = (hostile.Requests ?? throw new InvalidDataException(hostile.Name + " has neither requests nor frames."))
            .Select(r => Request(descriptor, r))
            .ToList();
        var method = Generic(descriptor);
        var invoker = gateway.ChannelFor(hostile.Caller);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddMinutes(1));
        var responses = new List<IMessage>();
        try
        {
            switch (method.Type)
            {
                case MethodType.Unary:
                    responses.Add(await invoker.AsyncUnaryCall(method, null, options, requests.Single()));
                    break;
                case MethodType.ClientStreaming:
                    using (var call = invoker.AsyncClientStreamingCall(method, null, options))
                    {
                        await WriteAllAsync(call.RequestStream, requests);
                        responses.Add(await call.ResponseAsync);
                    }

                    break;
                default:
                    using (var call = invoker.AsyncDuplexStreamingCall(method, null, options))
                    {
                        var reading = ReadAllAsync(call.ResponseStream, responses);
                        await WriteAllAsync(call.RequestStream, requests);
                        await reading;
                    }

                    break;
            }

            return new CaseAnswer(StatusCode.OK, null, responses);
        }
        catch (RpcException e)
        {
            return new CaseAnswer(e.StatusCode, e.GetRpcStatus(), responses);
        }
    }

    private async Task<CaseAnswer> SendFramesAsync(HostileCase hostile, IReadOnlyList<RawFrame> frames)
    {
        var descriptor = Find(hostile.Method);
        var body = frames.SelectMany(f => Bytes(descriptor, f)).ToArray();
        var answer = await raw.PostAsync(hostile.Caller, hostile.Method, body, hostile.Headers);
        Assert.True(answer.Status is not null, $"{hostile.Name}: HTTP {(int)answer.HttpStatus} without a grpc-status");
        return new CaseAnswer(answer.Status.Value, null, answer.Messages.Select(m => descriptor.OutputType.Parser.ParseFrom(m)).ToList());
    }

    private byte[] Bytes(MethodDescriptor method, RawFrame frame)
    {
        var payload = frame.Message is { } message ? Request(method, message).ToByteArray() : Convert.FromHexString(text.Expand(frame.Hex ?? string.Empty));
        if (frame.Compress is { } encoding)
        {
            payload = Compressed(payload, encoding);
        }

        if (frame.Keep is { } keep)
        {
            payload = payload[..keep];
        }

        return frame.Bare ? payload : RawGrpcClient.Frame(payload, frame.Compressed, frame.DeclaredLength);
    }

    // gRPC's "deflate" is the zlib format (RFC 1950), not raw deflate.
    private static byte[] Compressed(byte[] payload, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressing = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => throw new InvalidDataException($"The corpus names an unknown compression '{encoding}'."),
        })
        {
            compressing.Write(payload);
        }

        return output.ToArray();
    }

    // The server may end the call while requests are still being written; its status is read from the response side.
    private static async Task WriteAllAsync(IClientStreamWriter<IMessage> writer, IEnumerable<IMessage> requests)
    {
        try
        {
            foreach (var request in requests)
            {
                await writer.WriteAsync(request);
            }

            await writer.CompleteAsync();
        }
        catch (RpcException)
        {
        }
    }

    private static async Task ReadAllAsync(IAsyncStreamReader<IMessage> reader, List<IMessage> responses)
    {
        while (await reader.MoveNext())
        {
            responses.Add(reader.Current);
        }
    }

    private static Method<IMessage, IMessage> Generic(MethodDescriptor descriptor) => new(
        descriptor switch
        {
            { IsClientStreaming: true, IsServerStreaming: true } => MethodType.DuplexStreaming,
            { IsClientStreaming: true } => MethodType.ClientStreaming,
            { IsServerStreaming: true } => MethodType.ServerStreaming,
            _ => MethodType.Unary,
        },
        descriptor.Service.FullName,
        descriptor.Name,
        Marshaller(descriptor.InputType),
        Marshaller(descriptor.OutputType));

    private static Marshaller<IMessage> Marshaller(MessageDescriptor type) => Marshallers.Create(m => m.ToByteArray(), type.Parser.ParseFrom);
}
