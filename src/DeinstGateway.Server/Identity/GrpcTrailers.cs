using System.Text;
using Grpc.Core;

namespace DeinstGateway.Server.Identity;

/// <summary>
/// Answers a call that never reaches a gRPC method (rejected by authentication) the way gRPC
/// expects: HTTP 200 with the status in a trailers-only response, so every client library
/// shows the status code and the reason, not just an HTTP 401.
/// </summary>
internal static class GrpcTrailers
{
    public static void WriteStatusOnly(HttpResponse response, StatusCode status, string message)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(message);
    }

    // The gRPC wire format percent-encodes grpc-message outside printable ASCII.
    private static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E and not (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
