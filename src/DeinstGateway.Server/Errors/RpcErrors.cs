using DeinstGateway.Core.Errors;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace DeinstGateway.Server.Errors;

/// <summary>Domain exceptions as google.rpc statuses with standard error details.</summary>
public static class RpcErrors
{
    /// <summary>The <c>ErrorInfo.domain</c> of every error this gateway raises.</summary>
    public const string ErrorDomain = "deinst.gateway";

    /// <summary>Every error detail type the gateway puts into a status, for the JSON form of <c>google.protobuf.Any</c>.</summary>
    public static readonly TypeRegistry DetailTypes = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor, BadRequest.Descriptor, ResourceInfo.Descriptor, PreconditionFailure.Descriptor, RetryInfo.Descriptor);

    public static RpcException From(DomainException exception) => StatusOf(exception).ToRpcException();

    /// <summary>The google.rpc status of a domain failure, also for per-item results inside a stream.</summary>
    public static Google.Rpc.Status StatusOf(DomainException exception) => exception switch
    {
        ValidationException e => Build(Code.InvalidArgument, e.Message, new BadRequest
        {
            FieldViolations =
            {
                e.Violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }),
            },
        }),
        NotFoundException e => Build(Code.NotFound, e.Message, new ResourceInfo
        {
            ResourceType = e.ResourceType,
            ResourceName = e.ResourceName,
        }),
        ForbiddenException e => Build(Code.PermissionDenied, e.Message, Info(e.Reason)),
        UnauthenticatedException e => Build(Code.Unauthenticated, e.Message, Info(e.Reason)),
        PreconditionFailedException e => Build(Code.FailedPrecondition, e.Message, Info(e.Reason), new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = e.Reason, Subject = e.Subject, Description = e.Message } },
        }),
        ConflictException e => Build(Code.AlreadyExists, e.Message, Info(e.Reason)),
        ConcurrencyException e => Build(Code.Aborted, e.Message, Info("ETAG_MISMATCH")),
        StoreUnavailableException e => Build(Code.Unavailable, e.Message, Info(e.Reason)),
        GatewayStoppingException e => Build(Code.Unavailable, e.Message, Info(GatewayStoppingException.Reason)),
        DeadlinePassedException e => Build(Code.DeadlineExceeded, e.Message, Info(DeadlinePassedException.Reason)),
        _ => Build(Code.Internal, "An internal error occurred; it has been logged."),
    };

    internal static ErrorInfo Info(string reason) => new() { Reason = reason, Domain = ErrorDomain };

    internal static Google.Rpc.Status Build(Code code, string message, params Google.Protobuf.IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.AddRange(details.Select(Any.Pack));
        return status;
    }
}
