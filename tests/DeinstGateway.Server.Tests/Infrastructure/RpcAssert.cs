using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Infrastructure;

public static class RpcAssert
{
    /// <summary>Asserts the call fails with the status code and returns the rich google.rpc status.</summary>
    public static async Task<Google.Rpc.Status?> FailsWith(StatusCode expected, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, exception.StatusCode);
        return exception.GetRpcStatus();
    }

    /// <summary>Asserts INVALID_ARGUMENT with a BadRequest field violation naming the field.</summary>
    public static async Task InvalidField(string field, Func<Task> call)
    {
        var status = await FailsWith(StatusCode.InvalidArgument, call);
        var badRequest = status?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest.FieldViolations, v => v.Field == field);
    }
}
