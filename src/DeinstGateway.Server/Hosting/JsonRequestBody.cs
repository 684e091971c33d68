using System.Buffers;
using System.IO.Pipelines;
using DeinstGateway.Server.Errors;
using Grpc.Core;

namespace DeinstGateway.Server.Hosting;

/// <summary>
/// The body of a REST/JSON call, read whole before JSON transcoding parses it: no larger than the
/// largest gRPC message, held against the connection's budget as it arrives (a Content-Length
/// over the cap is refused before a byte is read), and arriving at Kestrel's minimum data rate.
/// JSON transcoding would answer any failure while reading as INVALID_ARGUMENT; here an oversize
/// body is RESOURCE_EXHAUSTED and a body too slow DEADLINE_EXCEEDED, as they are for gRPC.
/// </summary>
internal static class JsonRequestBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>Reads the body into the buffer; returns the refusal instead when it must not be served.</summary>
    public static async Task<(MessageBuffer? Body, RpcException? Refusal)> ReadAsync(HttpRequest request, ConnectionBudget budget, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge());
        }

        var body = new MessageBuffer(budget, maxBytes);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, ChunkBytes), request.HttpContext.RequestAborted)) > 0)
            {
                body.Append(chunk.AsSpan(0, read));
            }

            return (body, null);
        }
        catch (Exception e) when (e is RpcException or BadHttpRequestException)
        {
            body.Dispose();
            return (null, e as RpcException ?? Refusal((BadHttpRequestException)e));
        }
        catch
        {
            body.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The buffered body as the request's body stream.</summary>
    public static Stream AsStream(MessageBuffer body) => PipeReader.Create(body.Contents()).AsStream();

    private static RpcException TooLarge() =>
        new(new Status(StatusCode.ResourceExhausted, "Received message exceeds the maximum configured message size."));

    private static RpcException Refusal(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => TooLarge(),
        StatusCodes.Status408RequestTimeout => new(new Status(
            StatusCode.DeadlineExceeded, "The request body arrived more slowly than the gateway's minimum data rate; nothing was done.")),
        _ => new(new Status(StatusCode.InvalidArgument, "The request body could not be read: " + e.Message)),
    };
}
