using Deinst.V1;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Tests.Access;

/// <summary>
/// What a caller saw of one call: its status, the ErrorInfo reason of a refusal, whether the answer
/// reached the world's record meant for the kind, and whether it showed a person's identity (null
/// where the answer has no field that could).
/// </summary>
public sealed record Seen(StatusCode Status, string? Reason, bool Reached, bool? Identified)
{
    public static Seen Answer(bool reached, bool? identified = null) => new(StatusCode.OK, null, reached, identified);

    /// <summary>A transfer in the answer, or null when the answer left it out.</summary>
    public static Seen Transfer(Transfer? transfer) => Answer(transfer is not null, transfer is null ? null : ShowsIdentity(transfer.Person));

    public static Seen Refused(StatusCode status, string? reason) => new(status, reason, false, null);

    /// <summary>The personal code and both names, or none of them: a half-hidden person is a bug either way.</summary>
    public static bool ShowsIdentity(Person? person)
    {
        string[] fields = [person?.PersonalCode ?? "", person?.GivenName ?? "", person?.FamilyName ?? ""];
        Assert.True(fields.All(f => f.Length > 0) || fields.All(f => f.Length == 0), "Only some identity fields are filled: " + person);
        return fields[0].Length > 0;
    }

    /// <summary>Runs the call and turns a failure status into what the caller saw of it.</summary>
    public static async Task<Seen> Of(Func<Task<Seen>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            return Refused(e.StatusCode, e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
        }
    }
}
