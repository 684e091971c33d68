using Deinst.V1;
using DeinstGateway.Core.Transfers;
using DeinstGateway.Core;

namespace DeinstGateway.Server.Access;

/// <summary>
/// The client a unary request names, directly by its resource name or through the transfer it
/// names, where it names one: enough for a call refused before it ran (a missing or foreign
/// purpose) to be logged against the person it was about.
/// </summary>
internal static class ClientNamedInRequest
{
    private const string Prefix = "clients/";

    /// <summary>The id of the transfer the request acts on or reads, or null.</summary>
    public static string? TransferOf(object request) => TransferNames.IdFrom(request switch
    {
        GetTransferRequest r => r.Name,
        AcceptTransferRequest r => r.Name,
        RejectTransferRequest r => r.Name,
        CompleteTransferRequest r => r.Name,
        CancelTransferRequest r => r.Name,
        _ => null,
    });

    public static string? Of(object request) => request switch
    {
        GetClientRequest r => IdIn(r.Name),
        ChangeClientPersonalCodeRequest r => IdIn(r.Name),
        GetSupportPlanRequest r => IdIn(r.Name),
        ListSupportPlansRequest r => IdIn(r.Parent),
        PutSupportPlanRequest r => IdIn(r.SupportPlan?.Name ?? string.Empty),
        ListClientAccessRequest r => IdIn(r.Parent),
        ListServiceRecordsRequest r => IdIn(r.Client),
        CreateNeedsAssessmentRequest r => IdIn(r.Parent),
        GetNeedsAssessmentRequest r => IdIn(r.Name),
        ListNeedsAssessmentsRequest r => IdIn(r.Parent),
        _ => null,
    };

    /// <summary>The id of <c>clients/{id}</c> or <c>clients/{id}/…</c>.</summary>
    private static string? IdIn(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = name.IndexOf('/', Prefix.Length);
        return Uuid.Normalize(end < 0 ? name[Prefix.Length..] : name[Prefix.Length..end]);
    }
}
