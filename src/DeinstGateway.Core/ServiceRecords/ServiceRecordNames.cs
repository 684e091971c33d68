namespace DeinstGateway.Core.ServiceRecords;

/// <summary>The resource names of service records, <c>serviceRecords/{id}</c>.</summary>
public static class ServiceRecordNames
{
    private const string Prefix = "serviceRecords/";

    public static string Of(string id) => Prefix + id;

    /// <summary>The id in <c>serviceRecords/{id}</c>, or null when the name is not of that form.</summary>
    public static string? IdFrom(string name) =>
        name.StartsWith(Prefix, StringComparison.Ordinal) ? Uuid.Normalize(name[Prefix.Length..]) : null;
}
