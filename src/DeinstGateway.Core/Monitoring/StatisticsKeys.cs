using System.Globalization;
using DeinstGateway.Core.Assessments;
using DeinstGateway.Core.Clients;
using DeinstGateway.Core.Registry;
using DeinstGateway.Core.ServiceRecords;
using DeinstGateway.Core.Transfers;

namespace DeinstGateway.Core.Monitoring;

/// <summary>What a row of each statistic counts, as the key label of its table cells.</summary>
public sealed record TransferKey(TargetGroup TargetGroup, TransferState State, RejectionReason? Reason)
{
    public string Label => Reason is { } reason ? $"{Number(TargetGroup)}.{Number(State)}.{Number(reason)}" : $"{Number(TargetGroup)}.{Number(State)}";

    public static TransferKey Parse(string label) => label.Split('.') switch
    {
        [var group, var state] => new((TargetGroup)int.Parse(group, CultureInfo.InvariantCulture), (TransferState)int.Parse(state, CultureInfo.InvariantCulture), null),
        [var group, var state, var reason] => new(
            (TargetGroup)int.Parse(group, CultureInfo.InvariantCulture),
            (TransferState)int.Parse(state, CultureInfo.InvariantCulture),
            (RejectionReason)int.Parse(reason, CultureInfo.InvariantCulture)),
        _ => throw new FormatException(label),
    };

    /// <summary>A rejection reason rolls up into all rejected transfers of its target group.</summary>
    public static string? Parent(string label) => label.Count(c => c == '.') == 2 ? label[..label.LastIndexOf('.')] : null;

    private static string Number<T>(T value) where T : Enum => Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// A service row's key: project × service × unit. The project is one value — today the ESF
/// project's code, or the funding source for services outside ESF projects.
/// </summary>
public sealed record ServiceKey(string Project, ServiceType ServiceType, ServiceUnit Unit)
{
    public string Label => string.Join('|', Project, ((int)ServiceType).ToString(CultureInfo.InvariantCulture), ((int)Unit).ToString(CultureInfo.InvariantCulture));

    public static ServiceKey Parse(string label) => label.Split('|') is [var project, var service, var unit]
        ? new(project, (ServiceType)int.Parse(service, CultureInfo.InvariantCulture), (ServiceUnit)int.Parse(unit, CultureInfo.InvariantCulture))
        : throw new FormatException(label);
}

public static class StatisticsKeys
{
    public static string Of(TargetGroup group) => ((int)group).ToString(CultureInfo.InvariantCulture);

    public static string Of(AssessmentOutcome outcome) => ((int)outcome).ToString(CultureInfo.InvariantCulture);

    /// <summary>The one key of the occupancy table: residents (with places carried alongside).</summary>
    public const string Residents = "residents";

    public static T Parse<T>(string label) where T : struct, Enum => (T)Enum.ToObject(typeof(T), int.Parse(label, CultureInfo.InvariantCulture));
}
