using System.Security.Cryptography;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Cli.Hosting;

/// <summary>Turns what went wrong into one sentence a person understands and the documented exit code.</summary>
public static class Problems
{
    public static (string Message, int ExitCode) Explain(Exception exception, Uri? gateway) => exception switch
    {
        UsageException e => (e.Message, ExitCodes.Usage),
        ChangedMeanwhileException e => (e.Message, ExitCodes.Refused),
        CryptographicException e => ($"The certificate or key file cannot be read ({e.Message}). Check --cert and --key.", ExitCodes.Usage),
        OperationCanceledException => ("Stopped.", ExitCodes.Interrupted),
        RpcException e => Explain(e, gateway),
        _ => throw exception,
    };

    /// <summary>The field names and what is wrong with each, from a status's BadRequest; empty when it has none.</summary>
    public static IEnumerable<string> FieldProblems(Google.Rpc.Status? status) =>
        status?.GetDetail<BadRequest>()?.FieldViolations.Select(v => $"{v.Field}: {v.Description}") ?? [];

    private static (string, int) Explain(RpcException e, Uri? gateway)
    {
        var where = gateway is null ? "the gateway" : $"the gateway at {gateway.Authority}";
        var detail = e.Status.Detail;
        return e.StatusCode switch
        {
            StatusCode.Unavailable => ($"Cannot reach {where}: {detail} Check the address and your network, then try again.", ExitCodes.Unreachable),
            StatusCode.Internal when detail.Contains("SSL", StringComparison.Ordinal) =>
                ($"Cannot open a secure connection to {where}: {detail} Check that --ca is the gateway's CA certificate.", ExitCodes.Unreachable),
            StatusCode.Unauthenticated => ($"The gateway does not accept your certificate: {detail}", ExitCodes.Unreachable),
            StatusCode.DeadlineExceeded => ($"The gateway did not answer in time: {detail}", ExitCodes.Unreachable),
            StatusCode.InvalidArgument => (Invalid(e), ExitCodes.Refused),
            StatusCode.NotFound => ($"Not found: {detail}", ExitCodes.Refused),
            StatusCode.PermissionDenied => ($"Not allowed: {detail}", ExitCodes.Refused),
            StatusCode.Aborted => ($"It was changed by someone else meanwhile: {detail} Look at it again and retry.", ExitCodes.Refused),
            StatusCode.FailedPrecondition => ($"Not possible now: {detail}", ExitCodes.Refused),
            StatusCode.AlreadyExists => ($"Already there: {detail}", ExitCodes.Refused),
            StatusCode.ResourceExhausted => ($"The gateway asks you to slow down: {detail}", ExitCodes.Refused),
            StatusCode.Cancelled => ("Stopped.", ExitCodes.Interrupted),
            _ => ($"The gateway answered {e.StatusCode}: {detail}", ExitCodes.Refused),
        };
    }

    private static string Invalid(RpcException e)
    {
        var fields = FieldProblems(e.GetRpcStatus()).ToList();
        return fields.Count == 0
            ? $"The gateway found a mistake in what was sent: {e.Status.Detail}"
            : "The gateway found a mistake in what was sent — " + string.Join("; ", fields);
    }
}
