using System.Text;
using Google.Protobuf;
using Grpc.Core;

namespace DeinstGateway.Server.Errors;

/// <summary>
/// A google.rpc status as a REST/JSON caller receives it for a call refused before JSON transcoding
/// runs (authentication, request checks): the HTTP status of its code, as JSON transcoding maps
/// codes, and the status as JSON with its details, as JSON transcoding writes them.
/// </summary>
public static class JsonStatus
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default
        .WithTypeRegistry(RpcErrors.DetailTypes)
        .WithFormatDefaultValues(true));

    /// <summary>True for a gRPC call; anything else is answered as REST/JSON.</summary>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    public static Task WriteAsync(HttpResponse response, RpcException refusal) =>
        WriteAsync(response, refusal.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)refusal.StatusCode, Message = refusal.Status.Detail });

    public static Task WriteAsync(HttpResponse response, Google.Rpc.Status status)
    {
        var json = Encoding.UTF8.GetBytes(Formatter.Format(status));
        response.StatusCode = HttpStatus((StatusCode)status.Code);
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json).AsTask();
    }

    /// <summary>The HTTP status of a gRPC code, the mapping of google/rpc/code.proto that JSON transcoding also uses.</summary>
    public static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.OK => StatusCodes.Status200OK,
        StatusCode.Cancelled => StatusCodes.Status408RequestTimeout,
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
        StatusCode.DeadlineExceeded => StatusCodes.Status504GatewayTimeout,
        StatusCode.NotFound => StatusCodes.Status404NotFound,
        StatusCode.AlreadyExists or StatusCode.Aborted => StatusCodes.Status409Conflict,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unimplemented => StatusCodes.Status501NotImplemented,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
