using System.Text.Json;
using System.Text.Json.Serialization;
using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Tests.ServiceRecords;

/// <summary>
/// The service catalogue and projects of the shipped reference-data file (linked into the test
/// output), so that the rules are tested against the limits the gateway really loads (a changed
/// limit shows up here).
/// </summary>
internal static class ShippedCatalogue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public static IReadOnlyList<ServiceTypeDefinition> Load() =>
        Read().ServiceTypes
            .Select(s => new ServiceTypeDefinition(s.Type, s.NameLv, s.NameEn, s.Unit, s.Limits))
            .ToList();

    public static IReadOnlyList<Project> LoadProjects() => Read().Projects;

    private static CatalogueFile Read()
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "reference-data.json"));
        return JsonSerializer.Deserialize<CatalogueFile>(stream, Json)
            ?? throw new InvalidDataException("The reference-data file is empty.");
    }

    private sealed record CatalogueFile(IReadOnlyList<ServiceTypeEntry> ServiceTypes, IReadOnlyList<Project> Projects);

    private sealed record ServiceTypeEntry(
        ServiceType Type,
        string NameLv,
        string NameEn,
        ServiceUnit Unit,
        IReadOnlyList<ServiceLimit> Limits);
}
