using System.Security.Cryptography;
using System.Text;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Transfers;

/// <summary>A submission that passed every check, with its references resolved.</summary>
public sealed record ValidSubmission(
    string RequestId,
    string CaseNumber,
    Institution Source,
    ClientIdentity Identity,
    DateOnly BirthDate,
    TargetGroup TargetGroup,
    Institution DestinationMunicipality,
    IReadOnlyList<ServiceType> RequestedServices,
    Institution? DestinationProvider,
    DateOnly PlannedMoveDate,
    string SupportPlanReference)
{
    // '|' cannot occur in institution codes, case numbers or UUIDs, so the keys are unambiguous.
    public string BusinessKey => Source.Code + "|" + CaseNumber;

    /// <summary>
    /// A digest of everything the sender said except the request id: equal digests under one
    /// business key make a resend (DUPLICATE), different ones a CONFLICT.
    /// </summary>
    public byte[] ContentHash()
    {
        var canonical = string.Join('\n',
            CaseNumber,
            Source.Code,
            Identity.PersonalCode.Digits,
            Identity.FormerPersonalCode?.Digits ?? string.Empty,
            Identity.GivenName,
            Identity.FamilyName,
            BirthDate.ToString("O"),
            ((int)TargetGroup).ToString(System.Globalization.CultureInfo.InvariantCulture),
            DestinationMunicipality.Code,
            string.Join(',', RequestedServices.Select(s => (int)s)),
            DestinationProvider?.Code ?? string.Empty,
            PlannedMoveDate.ToString("O"),
            SupportPlanReference);
        return SHA256.HashData(Encoding.UTF8.GetBytes(canonical));
    }
}
