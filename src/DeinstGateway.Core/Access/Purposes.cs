namespace DeinstGateway.Core.Access;

/// <summary>
/// Why a call reads or writes personal data. The caller declares one on every such call; the
/// access matrix says which purposes each kind of institution may declare for each call, and the
/// access log keeps the declared purpose with the entry.
/// </summary>
public static class Purposes
{
    /// <summary>Moving a resident out of an institution: submitting, accepting, completing, cancelling.</summary>
    public const string TransferHandover = "transfer-handover";

    /// <summary>Delivering and recording community services.</summary>
    public const string ServiceDelivery = "service-delivery";

    /// <summary>Assessing needs and writing or reading the individual support plan.</summary>
    public const string SupportPlanning = "support-planning";

    /// <summary>Oversight by the ministry and coordination by planning regions.</summary>
    public const string Supervision = "supervision";

    /// <summary>Answering a person who asks what is held about them and who accessed it (GDPR Art. 15).</summary>
    public const string DataSubjectRequest = "data-subject-request";

    public static IReadOnlyList<string> All { get; } =
        [TransferHandover, ServiceDelivery, SupportPlanning, Supervision, DataSubjectRequest];
}
