using DeinstGateway.Core.Registry;

namespace DeinstGateway.Core.Monitoring;

/// <summary>
/// The one seam through which monitoring rolls a municipality code as a record names it up to
/// today's municipality. Statistics are aggregated per recorded code in SQL and then summed per
/// municipality this returns, so history (a former county counted under its successor) enters here
/// and nowhere else.
/// </summary>
public interface IMunicipalityRollup
{
    /// <summary>Today's municipality a recorded code counts under; null for a code that is no municipality.</summary>
    Institution? TodaysMunicipality(string recordedCode, RegistrySnapshot snapshot);
}

/// <summary>Along the registry's successor chain: a former county counts under the municipality that holds its territory today.</summary>
public sealed class RegistryMunicipalityRollup : IMunicipalityRollup
{
    public Institution? TodaysMunicipality(string recordedCode, RegistrySnapshot snapshot) => snapshot.CurrentMunicipalityOf(recordedCode);
}
