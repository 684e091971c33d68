using Microsoft.Extensions.Configuration;

namespace DeinstGateway.Persistence.Registry;

/// <summary>Where the reference-data file is, and what it names, for callers outside persistence.</summary>
public static class ReferenceData
{
    /// <summary><c>Registry:ReferenceDataPath</c>, or the file shipped beside the gateway's binaries.</summary>
    public static string PathFrom(IConfiguration configuration)
    {
        var configured = configuration["Registry:ReferenceDataPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "reference-data.json")
            : Path.GetFullPath(configured);
    }

    public static IReadOnlyList<string> InstitutionCodes(string path) =>
        ReferenceDataFile.Read(path).Institutions.Select(i => i.Code).ToList();
}
