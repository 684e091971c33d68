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

    public static Deinst.V1.InstitutionReference? ToReference(this InstitutionRef? reference) =>
        reference is null ? null : new Deinst.V1.InstitutionReference
        {
            Name = Institution(reference.Code),
            DisplayName = reference.DisplayName,
        };

    /// <summary>A reference to an institution of the registry, with its name for display.</summary>
    public static Deinst.V1.InstitutionReference Reference(this RegistrySnapshot registry, string code) => new()
    {
        Name = Institution(code),
        DisplayName = registry.Find(code)?.DisplayName ?? string.Empty,
    };
}
