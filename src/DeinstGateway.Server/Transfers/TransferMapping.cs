using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Common;
using DeinstGateway.Server.Errors;
using Google.Protobuf.WellKnownTypes;
using Proto = Deinst.V1;

namespace DeinstGateway.Server.Transfers;

/// <summary>Transfers between the contracts and Core. Enum numbers match by design.</summary>
public static class TransferMapping
{
    public static SubmissionInput ToInput(this Proto.SubmitTransferRequest request)
    {
        var t = request.Transfer ?? new Proto.TransferSubmission();
        var person = t.Person ?? new Proto.Person();
        return new SubmissionInput(
            request.RequestId,
            t.CaseNumber,
            t.Source,
            person.PersonalCode,
            person.FormerPersonalCode,
            person.GivenName,
            person.FamilyName,
            person.BirthDate.ToInput(),
            (int)t.TargetGroup,
            t.DestinationMunicipality,
            t.RequestedServices.Select(s => (int)s).ToList(),
            t.DestinationProvider,
            t.PlannedMoveDate.ToInput(),
            t.SupportPlanReference);
    }

    public static Proto.SubmitTransferResponse ToProto(this SubmitResult result)
    {
        var response = new Proto.SubmitTransferResponse
        {
            RequestId = result.RequestId,
            Outcome = (Proto.SubmitOutcome)result.Outcome,
            Transfer = result.TransferId is null ? string.Empty : TransferNames.Of(result.TransferId),
        };
        response.Error = result.Outcome switch
        {
            SubmitOutcome.Rejected => RpcErrors.StatusOf(new ValidationException(result.Violations)),
            SubmitOutcome.Conflict => RpcErrors.StatusOf(new ConflictException(
                result.ConflictReason!,
                result.ConflictReason == SubmitResult.RequestIdReused
                    ? "The request_id was used before for another message."
                    : "The case number was used before by this source with other content.")),
            _ => null,
        };
        return response;
    }

    public static Proto.Transfer ToProto(this TransferView view, RegistrySnapshot registry)
    {
        var t = view.Transfer;
        var proto = new Proto.Transfer
        {
            Name = TransferNames.Of(t.Id),
            CaseNumber = t.CaseNumber,
            Source = registry.Reference(t.SourceCode),
            Person = view.Person is { } person ? person.Identity.ToProto(person.BirthDate) : new Proto.Person(),
            Client = "clients/" + t.ClientId,
            TargetGroup = (Proto.TargetGroup)t.TargetGroup,
            DestinationMunicipality = registry.Reference(t.DestinationMunicipalityCode),
            RequestedServices = { t.RequestedServices.Select(s => (Proto.ServiceType)s) },
            DestinationProvider = t.DestinationProviderCode is { } provider ? registry.Reference(provider) : null,
            PlannedMoveDate = t.PlannedMoveDate.ToProto(),
            SupportPlanReference = t.SupportPlanReference,
            State = (Proto.TransferState)t.State,
            RejectionReason = (Proto.RejectionReason)(t.RejectionReason ?? 0),
            Etag = t.Etag,
            CreateTime = Timestamp.FromDateTimeOffset(t.CreateTime),
            UpdateTime = Timestamp.FromDateTimeOffset(t.UpdateTime),
        };
        proto.History.AddRange(view.History.Select(c => c.ToProto(registry)));
        return proto;
    }

    public static Proto.TransferStateChange ToProto(this TransferStateChange change, RegistrySnapshot registry) => new()
    {
        FromState = (Proto.TransferState)(change.FromState ?? 0),
        ToState = (Proto.TransferState)change.ToState,
        Actor = registry.Reference(change.ActorCode),
        Time = Timestamp.FromDateTimeOffset(change.Time),
        RejectionReason = (Proto.RejectionReason)(change.RejectionReason ?? 0),
    };

    public static Proto.TransferEvent ToProto(this FeedMessage message, RegistrySnapshot registry) => message.Change is { } item
        ? new Proto.TransferEvent
        {
            Change = new Proto.TransferChange
            {
                Sequence = item.Change.Sequence,
                Transfer = TransferNames.Of(item.Change.TransferId),
                CaseNumber = item.CaseNumber,
                Source = registry.Reference(item.SourceCode),
                DestinationMunicipality = registry.Reference(item.DestinationMunicipalityCode),
                Change = item.Change.ToProto(registry),
                Etag = TransferEtag.Of(item.Change.Version),
            },
        }
        : new Proto.TransferEvent
        {
            Heartbeat = new Proto.Heartbeat { Time = Timestamp.FromDateTimeOffset(message.Time), Sequence = message.HeartbeatSequence },
        };

    public static TransferFilter ToFilter(this Proto.ListTransfersRequest request) => new(
        request.State switch
        {
            Proto.TransferState.Unspecified => null,
            _ when System.Enum.IsDefined((TransferState)request.State) => (TransferState)request.State,
            _ => throw new ValidationException("state", "is not a known transfer state"),
        },
        ResourceNames.OptionalInstitutionCode(request.Source, "source"),
        ResourceNames.OptionalInstitutionCode(request.DestinationMunicipality, "destination_municipality"),
        request.UpdatedSince?.ToDateTimeOffset());

    public static string TransferId(string name, string field = "name") =>
        TransferNames.IdFrom(name) ?? throw new ValidationException(field, "must be a transfer name of the form transfers/{id}");

    public static string RequireEtag(string etag) =>
        string.IsNullOrEmpty(etag) ? throw new ValidationException("etag", "is required: send the etag of the transfer as last read") : etag;

    public static RejectionReason ToDomain(this Proto.RejectionReason reason) =>
        reason != Proto.RejectionReason.Unspecified && System.Enum.IsDefined((RejectionReason)reason)
            ? (RejectionReason)reason
            : throw new ValidationException("reason", "must be one of the rejection reasons");
}
