using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Capacity;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Transfers;

/// <summary>
/// State changes of one transfer. Checks run in the order a caller can act on: not visible →
/// NOT_FOUND; not the party who may act → PERMISSION_DENIED; stale etag → ABORTED; illegal
/// transition or no free place → FAILED_PRECONDITION. The change, its record, the place counts
/// and (on completion) the source institution's residents are written in one transaction, or not at all.
/// </summary>
public sealed class TransferCommands(
    ITransferStore store,
    IRegistrySnapshotSource registry,
    TransferQueries queries,
    GatewayCalendar calendar)
{
    public Task<TransferView> AcceptAsync(Caller caller, string transferId, string etag, string? providerCode, CancellationToken cancellationToken) =>
        ChangeAsync(caller, transferId, etag, TransferAction.Accept, null, providerCode, cancellationToken);

    public Task<TransferView> RejectAsync(Caller caller, string transferId, string etag, RejectionReason reason, CancellationToken cancellationToken) =>
        ChangeAsync(caller, transferId, etag, TransferAction.Reject, reason, null, cancellationToken);

    public Task<TransferView> CompleteAsync(Caller caller, string transferId, string etag, CancellationToken cancellationToken) =>
        ChangeAsync(caller, transferId, etag, TransferAction.Complete, null, null, cancellationToken);

    public Task<TransferView> CancelAsync(Caller caller, string transferId, string etag, CancellationToken cancellationToken) =>
        ChangeAsync(caller, transferId, etag, TransferAction.Cancel, null, null, cancellationToken);

    private async Task<TransferView> ChangeAsync(
        Caller caller,
        string transferId,
        string etag,
        TransferAction action,
        RejectionReason? reason,
        string? providerCode,
        CancellationToken cancellationToken)
    {
        var snapshot = await registry.GetAsync(cancellationToken);
        var scope = TransferScope.For(caller);
        await using (var change = await store.BeginChangeAsync(transferId, scope, cancellationToken))
        {
            var transfer = change.Transfer ?? throw new NotFoundException("transfer", TransferNames.Of(transferId));

            TransferStateMachine.EnsureMayAct(caller, transfer, action, snapshot);
            if (etag != transfer.Etag)
            {
                throw new ConcurrencyException($"The transfer has changed since it was read (etag {transfer.Etag}); read it again.");
            }

            var next = TransferStateMachine.Next(transfer, action);
            var provider = action == TransferAction.Accept ? ProviderForAccept(transfer, providerCode, snapshot) : transfer.DestinationProviderCode;
            var placesProvider = await MovePlacesAsync(change, transfer, action, provider, snapshot, calendar.Today, cancellationToken);
            if (action == TransferAction.Complete)
            {
                await change.LowerResidentsAsync(CareInstitutions.LeftBy(snapshot.Find(transfer.SourceCode)), calendar.Today, cancellationToken);
            }

            var now = calendar.Now;
            var changed = transfer with
            {
                State = next,
                RejectionReason = reason,
                DestinationProviderCode = provider,
                PlacesProviderCode = placesProvider,
                Version = transfer.Version + 1,
                UpdateTime = now,
            };
            await change.SaveAsync(
                changed,
                new TransferStateChange(0, transfer.Id, transfer.State, next, caller.InstitutionCode, now, reason, changed.Version),
                RelationsAfter(transfer, changed, caller.InstitutionCode, calendar.Today),
                AccessEntry.Of(caller, transfer.ClientId, AccessOutcome.Written, now),
                cancellationToken);
            await change.CommitAsync(cancellationToken);
        }

        // The answer shows what was just written: the write's entry covers it.
        return await queries.ReadWithoutLoggingAsync(caller, transferId, cancellationToken);
    }

    /// <summary>
    /// What the change does to the client's responsible municipality and provider. Only the
    /// destination accepts and completes, or, for one that has ended, the municipality holding its
    /// territory today (<see cref="TransferStateMachine.EnsureMayAct"/>): the one acting becomes responsible.
    /// </summary>
    private static RelationChanges RelationsAfter(Transfer before, Transfer after, string acting, DateOnly today) => (before.State, after.State) switch
    {
        (_, TransferState.Accepted) => ClientResponsibility.OnAccepted(after.ClientId, after.Id, acting, today),
        (_, TransferState.Completed) =>
            ClientResponsibility.OnCompleted(after.ClientId, after.Id, acting, after.DestinationProviderCode, today),
        (TransferState.Accepted, TransferState.Cancelled) => ClientResponsibility.OnCancelledAfterAcceptance(after.ClientId, after.Id, today),
        _ => RelationChanges.None,
    };

    private static string? ProviderForAccept(Transfer transfer, string? providerCode, RegistrySnapshot snapshot)
    {
        if (providerCode is null)
        {
            return transfer.DestinationProviderCode;
        }

        var provider = snapshot.Find(providerCode);
        if (provider is null || provider.Kind != InstitutionKind.ServiceProvider)
        {
            throw new ValidationException("destination_provider", "must name a service provider known to the registry");
        }

        if (!provider.IsValidOn(transfer.PlannedMoveDate))
        {
            throw new ValidationException("destination_provider", "does not exist on the planned move date");
        }

        return provider.Code;
    }

    /// <summary>
    /// Accepting reserves one place per place-based service at the provider; completing turns the
    /// reservations into occupied places; cancelling an accepted transfer frees them. Returns the
    /// provider that holds the transfer's places afterwards.
    /// </summary>
    private static async Task<string?> MovePlacesAsync(
        ITransferChange change, Transfer transfer, TransferAction action, string? provider, RegistrySnapshot snapshot, DateOnly today, CancellationToken cancellationToken)
    {
        var placeServices = transfer.RequestedServices.Where(snapshot.IsPlaceBased).ToList();
        switch (action)
        {
            case TransferAction.Accept when provider is not null:
                foreach (var service in placeServices)
                {
                    if (!await change.ReservePlaceAsync(provider, service, today, cancellationToken))
                    {
                        throw new PreconditionFailedException(
                            "NO_FREE_PLACE",
                            InstitutionCode.ResourceName(provider),
                            $"The provider has no free place for {service}: all its places are taken or reserved.");
                    }
                }

                return placeServices.Count > 0 ? provider : null;
            case TransferAction.Complete when transfer.PlacesProviderCode is { } holder:
                foreach (var service in placeServices)
                {
                    await change.OccupyReservedPlaceAsync(holder, service, cancellationToken);
                }

                return holder;
            case TransferAction.Cancel when transfer.PlacesProviderCode is { } holder:
                foreach (var service in placeServices)
                {
                    await change.ReleaseReservedPlaceAsync(holder, service, cancellationToken);
                }

                return null;
            default:
                return transfer.PlacesProviderCode;
        }
    }
}
