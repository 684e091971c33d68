using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Access;
using DeinstGateway.Core.Audit;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Paging;
using DeinstGateway.Core.Time;

namespace DeinstGateway.Core.Clients;

/// <summary>A client as a caller sees it: the identity and the target group only where the call may show them.</summary>
public sealed record ClientView(ClientRecord Client, ClientIdentity? Identity, TargetGroup? TargetGroup)
{
    /// <summary>
    /// The person where the access matrix shows it. A sender is shown neither: it knows the person
    /// as it sent them, and the client record may hold another institution's word (its target group
    /// too), which would tell it that the person was known before.
    /// </summary>
    public static ClientView Of(Caller caller, string method, ClientRecord client, PersonalDataProtector protector)
    {
        var identity = AccessMatrix.Find(method, caller.Kind)?.Fields == ReturnedFields.Identified
            ? protector.Unprotect(client.ProtectedIdentity, ClientRecord.AssociatedData(client.Id))
            : null;
        return new ClientView(client, identity, ClientScope.KindFor(caller, method) == ClientScopeKind.Sent ? null : client.TargetGroup);
    }
}

/// <summary>A registration exactly as sent.</summary>
public sealed record RegistrationInput(string RequestId, PersonInput Person, int TargetGroup, DateInput? ResponsibleFrom);

/// <summary>
/// Municipal back offices find, register and list their clients. A client the caller has no
/// relation to does not exist for it: a look-up answers exactly as for an unknown code, and both
/// leave an entry in the access log with the declared purpose.
/// </summary>
public sealed class ClientDirectory(
    IClientStore store, ClientGuard guard, PersonalDataProtector protector, IAccessLog accessLog, GatewayCalendar calendar)
{
    /// <summary>The client id an access-log entry of a look-up that found no client carries.</summary>
    public const string NoClient = "";

    public const string ClientExists = "CLIENT_EXISTS";
    public const string RequestIdReused = "REQUEST_ID_REUSED";

    /// <summary>Registrations may start a responsibility at most this far back (the programme began in 2015).</summary>
    public static readonly DateOnly EarliestResponsibleFrom = new(2015, 1, 1);

    public async Task<ClientView> LookupAsync(Caller caller, string personalCode, CancellationToken cancellationToken)
    {
        if (!PersonalCode.TryParse(personalCode, out var code, out var error))
        {
            throw new ValidationException("personal_code", error);
        }

        var client = await store.FindByCodeAsync(protector.LookupHashes(code).All, cancellationToken);
        var inScope = client is not null && await guard.ReachesAsync(caller, Rpcs.LookupClient, client.Id, cancellationToken);
        if (!inScope)
        {
            // An unknown code is logged too, so that both answers cost the same and leave the same trace.
            if (client is null)
            {
                await accessLog.RecordReadsAsync([AccessEntry.Of(caller, NoClient, AccessOutcome.Refused, calendar.Now)], cancellationToken);
            }

            throw new NotFoundException("client", "clients/-");
        }

        await accessLog.RecordReadsAsync([AccessEntry.Of(caller, client!.Id, AccessOutcome.Read, calendar.Now)], cancellationToken);
        return View(caller, Rpcs.LookupClient, client);
    }

    public async Task<Page<ClientView>> ListAsync(Caller caller, ClientFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var scope = await guard.ScopeAsync(caller, Rpcs.ListClients, cancellationToken);
        var size = page.EffectiveSize;
        var fingerprint = PageToken.Fingerprint(filter.TargetGroup, filter.HasValidSupportPlan);
        var clients = await store.ListAsync(scope, filter, PageToken.Decode(page.PageToken, fingerprint), size + 1, cancellationToken);
        var shown = clients.Take(size).ToList();
        await accessLog.RecordReadsAsync(AccessEntry.ReadsOf(caller, shown.Select(c => c.Id), calendar.Now), cancellationToken);
        return new Page<ClientView>(
            shown.Select(c => View(caller, Rpcs.ListClients, c)).ToList(),
            clients.Count > size ? PageToken.Encode(fingerprint, shown[^1].Id) : string.Empty);
    }

    /// <summary>
    /// A municipality registers a person living in the community and becomes responsible for them.
    /// Resending the same registration answers the same client; a person the gateway already knows
    /// is not registered again (ALREADY_EXISTS, naming no one), since another institution may hold them.
    /// </summary>
    public async Task<ClientView> RegisterAsync(Caller caller, RegistrationInput input, CancellationToken cancellationToken)
    {
        var (requestId, identity, birthDate, targetGroup, from) = Validate(input);
        var contentHash = ContentHash(identity, birthDate, targetGroup, from);
        var codeHashes = protector.LookupHashes(identity.PersonalCode);
        var formerHashes = identity.FormerPersonalCode is { } former ? protector.LookupHashes(former).All : [];

        string? existingId;
        await using (var registration = await store.BeginRegistrationAsync(cancellationToken))
        {
            if (await registration.FindRequestAsync(caller.InstitutionCode, requestId, cancellationToken) is { } known)
            {
                return known.ContentHash.AsSpan().SequenceEqual(contentHash)
                    ? View(caller, Rpcs.RegisterClient, (await store.FindAsync(known.ClientId, cancellationToken))!)
                    : throw new ConflictException(RequestIdReused, "The request_id was used before for another registration.");
            }

            existingId = (await registration.FindByCodeAsync([.. codeHashes.All, .. formerHashes], cancellationToken))?.Id;
            if (existingId is null)
            {
                var id = ClientRecord.NewId();
                var client = new ClientRecord(
                    id, codeHashes.Active, identity.FormerPersonalCode is { } code ? protector.LookupHash(code) : null,
                    protector.Protect(identity, ClientRecord.AssociatedData(id)), birthDate, targetGroup);
                await registration.CommitAsync(
                    client, ClientResponsibility.OnRegistered(id, caller.InstitutionCode, from), requestId, contentHash,
                    AccessEntry.Of(caller, id, AccessOutcome.Written, calendar.Now), cancellationToken);
                return View(caller, Rpcs.RegisterClient, client);
            }
        }

        // Logged once the registration's write lock is released: the access log takes it too.
        await guard.RefuseAsync(caller, existingId, cancellationToken);
        throw new ConflictException(ClientExists, "The gateway already holds a client with this personal code; a transfer moves responsibility between municipalities.");
    }

    /// <summary>
    /// The responsible municipality records a person's switch from an old-format code to a new one.
    /// The former code keeps finding the client; the switch happens once.
    /// </summary>
    public async Task<ClientView> ChangePersonalCodeAsync(Caller caller, string clientId, string personalCode, CancellationToken cancellationToken)
    {
        if (!PersonalCode.TryParse(personalCode, out var code, out var error) || code.Format != PersonalCodeFormat.New)
        {
            throw new ValidationException("personal_code", error ?? "must be a new-format code (11 digits starting with 32 to 39)");
        }

        await guard.EnsureReachesAsync(caller, Rpcs.ChangeClientPersonalCode, clientId, "client", "clients/" + clientId, cancellationToken);
        var client = (await store.FindAsync(clientId, cancellationToken))!;
        var identity = protector.Unprotect(client.ProtectedIdentity, ClientRecord.AssociatedData(clientId));
        if (identity.PersonalCode.Digits == code.Digits)
        {
            return new ClientView(client, identity, client.TargetGroup);
        }

        if (identity.PersonalCode.Format != PersonalCodeFormat.Old)
        {
            throw new PreconditionFailedException(
                "PERSONAL_CODE_ALREADY_CHANGED", "clients/" + clientId, "The client has a new-format code already; a person changes code once.");
        }

        var changedIdentity = identity with { PersonalCode = code, FormerPersonalCode = identity.PersonalCode };
        var changed = client with
        {
            PersonalCodeHash = protector.LookupHash(code),
            FormerPersonalCodeHash = protector.LookupHash(identity.PersonalCode),
            ProtectedIdentity = protector.Protect(changedIdentity, ClientRecord.AssociatedData(clientId)),
        };
        await store.ChangeCodeAsync(changed, AccessEntry.Of(caller, clientId, AccessOutcome.Written, calendar.Now), cancellationToken);
        return new ClientView(changed, changedIdentity, changed.TargetGroup);
    }

    private ClientView View(Caller caller, string method, ClientRecord client) => ClientView.Of(caller, method, client, protector);

    private (string RequestId, ClientIdentity Identity, DateOnly BirthDate, TargetGroup TargetGroup, DateOnly From) Validate(RegistrationInput input)
    {
        var violations = new List<FieldViolation>();
        void Fail(string field, string description) => violations.Add(new FieldViolation(field, description));

        var requestId = Uuid.Normalize(input.RequestId);
        if (requestId is null)
        {
            Fail("request_id", "must be a UUID (8-4-4-4-12 hexadecimal digits)");
        }

        var today = calendar.Today;
        var identity = PersonValidator.Identity(input.Person, "person.", Fail);
        var birthDate = PersonValidator.BirthDate(input.Person.BirthDate, identity, today, "person.", Fail);
        var targetGroup = Enum.IsDefined((TargetGroup)input.TargetGroup) ? (TargetGroup?)input.TargetGroup : null;
        if (targetGroup is null)
        {
            Fail("target_group", "must be one of the programme's target groups");
        }

        var from = input.ResponsibleFrom?.ToDate();
        if (from is null)
        {
            Fail("responsible_from", "is required and must be a real calendar date");
        }
        else if (from < EarliestResponsibleFrom || from > today)
        {
            Fail("responsible_from", $"must lie between {EarliestResponsibleFrom:O} and today");
        }

        return violations.Count > 0
            ? throw new ValidationException(violations)
            : (requestId!, identity!, birthDate!.Value, targetGroup!.Value, from!.Value);
    }

    private static byte[] ContentHash(ClientIdentity identity, DateOnly birthDate, TargetGroup targetGroup, DateOnly from) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n',
            identity.PersonalCode.Digits,
            identity.FormerPersonalCode?.Digits ?? string.Empty,
            identity.GivenName,
            identity.FamilyName,
            birthDate.ToString("O"),
            ((int)targetGroup).ToString(System.Globalization.CultureInfo.InvariantCulture),
            from.ToString("O"))));
}
