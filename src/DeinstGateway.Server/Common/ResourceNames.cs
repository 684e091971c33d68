using System.Runtime.CompilerServices;
using DeinstGateway.Core.Errors;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Server.Common;

/// <summary>Resource names of the contracts (AIP-122), parsed once at the edge.</summary>
public static class ResourceNames
{
    private const string ClientPrefix = "clients/";

    public static string Institution(string code) => Core.Registry.InstitutionCode.ResourceName(code);

    /// <summary>The code in <c>institutions/{code}</c>; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static string InstitutionCode(string name, string field) =>
        Core.Registry.InstitutionCode.FromResourceName(name)
            ?? throw new ValidationException(field, "must be an institution name of the form institutions/{code}");

    /// <summary>As <see cref="InstitutionCode"/>, with an empty value meaning "not given".</summary>
    public static string? OptionalInstitutionCode(string name, string field) =>
        string.IsNullOrEmpty(name) ? null : InstitutionCode(name, field);

    /// <summary>The id in <c>clients/{client}</c>; INVALID_ARGUMENT naming <paramref name="field"/> otherwise.</summary>
    public static string ClientId(string name, string field) =>
        (name.StartsWith(ClientPrefix, StringComparison.Ordinal) ? Core.Uuid.Normalize(name[ClientPrefix.Length..]) : null)
        ?? throw new ValidationException(field, "must be clients/{client}");

    /// <summary>
    /// (client id, child id) from <c>clients/{client}/{collection}/{child}</c>; the child id as
    /// written, null when missing. INVALID_ARGUMENT naming <paramref name="field"/> for anything else.
    /// </summary>
    public static (string ClientId, string ChildId) UnderClient(string name, string collection, string field)
    {
        var segment = "/" + collection + "/";
        var separator = name.IndexOf(segment, StringComparison.Ordinal);
        var clientId = name.StartsWith(ClientPrefix, StringComparison.Ordinal) && separator > ClientPrefix.Length
            ? Core.Uuid.Normalize(name[ClientPrefix.Length..separator])
            : null;
        var childId = separator >= 0 ? name[(separator + segment.Length)..] : string.Empty;
        return clientId is null || childId.Length == 0
            ? throw new ValidationException(field, $"must be clients/{{client}}/{collection}/{{id}}")
            : (clientId, childId);
    }

    // Registry records are immutable within a snapshot: each one's reference message is built once
    // and shared by every answer that holds it (answers are serialized, never changed), and
    // forgotten with the snapshot. A capacity answer for a region holds thousands of them.
    private static readonly ConditionalWeakTable<InstitutionRef, Deinst.V1.InstitutionReference> RefReferences = [];
    private static readonly ConditionalWeakTable<Institution, Deinst.V1.InstitutionReference> InstitutionReferences = [];

    public static Deinst.V1.InstitutionReference? ToReference(this InstitutionRef? reference) =>
        reference is null ? null : RefReferences.GetValue(reference, static r => NewReference(r.Code, r.DisplayName));

    /// <summary>A reference to an institution of the registry, with its name for display.</summary>
    public static Deinst.V1.InstitutionReference Reference(this RegistrySnapshot registry, string code) =>
        registry.Find(code) is { } institution
            ? InstitutionReferences.GetValue(institution, static i => NewReference(i.Code, i.DisplayName))
            : NewReference(code, string.Empty);

    private static Deinst.V1.InstitutionReference NewReference(string code, string displayName) => new()
    {
        Name = Institution(code),
        DisplayName = displayName,
    };
}
